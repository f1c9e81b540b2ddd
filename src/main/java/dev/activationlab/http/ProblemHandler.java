package dev.activationlab.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns every error into an RFC 9457 problem document ({@code application/problem+json}) with
 * a stable {@code type} per kind of problem, a {@code title} for people, a {@code detail} that
 * says what was wrong and, where one place is at fault, {@code field}: its JSON path.
 * No stack trace or class name ever reaches the client.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static final String MALFORMED_QUERY = "The query string is not valid: a %-escape is malformed, a value is "
            + "not UTF-8, or there are too many parameters.";

    /** Builds a problem document of the given kind. */
    public static ProblemDetail problem(ProblemType kind, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status(), detail);
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    /** The problem document of a client mistake, with its extra members. */
    public static ProblemDetail problem(RequestException e) {
        ProblemDetail problem = problem(e.problemType(), e.getMessage(), e.field());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** The problem document as the answer, in {@code application/problem+json}. */
    public static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The first cause of {@code type} in the chain of {@code e}, or {@code null}. */
    static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A request path as the {@code instance} of a problem, or {@code null} if it cannot be one. */
    static URI pathAsUri(String path) {
        if (path == null) {
            return null;
        }
        try {
            return new URI(null, null, path, null);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @ExceptionHandler(RequestException.class)
    ResponseEntity<Object> handleRequest(RequestException e) {
        ProblemDetail problem = problem(e);
        if (e.problemType() == ProblemType.SERVICE_BUSY) {
            // RFC 9110 §10.2.3: when to try again, in seconds.
            return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, ProblemJson.RETRY_AFTER_SECONDS).body(problem);
        }
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a value" : switch (e.getRequiredType().getSimpleName()) {
            case "double", "Double" -> "a number";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "boolean", "Boolean" -> "true or false";
            default -> "a valid value";
        };
        return respond(problem(ProblemType.INVALID_REQUEST,
                "'" + e.getName() + "' must be " + expected + "; got '" + ClientText.shorten(String.valueOf(e.getValue())) + "'.", e.getName()));
    }

    /**
     * Tomcat parses the query string lazily, when a parameter is first asked for, and fails on a
     * malformed %-escape or too many parameters.
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> handleMalformedQuery(org.apache.tomcat.util.http.InvalidParameterException e,
            HttpServletRequest request) {
        return respond(problem(ProblemType.INVALID_REQUEST, MALFORMED_QUERY,
                firstMalformedQueryParameter(request.getQueryString())));
    }

    /** The name of the first query parameter that does not decode as %-escaped UTF-8, or {@code null}. */
    static String firstMalformedQueryParameter(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String decodedName = decode(name);
            if (decodedName == null) {
                return ClientText.shorten(name);
            }
            if (eq >= 0 && decode(pair.substring(eq + 1)) == null) {
                return ClientText.shorten(decodedName);
            }
        }
        return null;
    }

    /** Strict %-decoding as UTF-8 ({@code +} is a space); {@code null} if malformed. */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyLimitFilter.BodyTooLargeException tooLarge =
                causeOfType(ex, RequestBodyLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return respond(problem(ProblemType.TOO_LARGE, tooLarge.getMessage(), null));
        }
        StreamConstraintsException limit = causeOfType(ex, StreamConstraintsException.class);
        if (limit != null) {
            String field = JsonPaths.of(limit);
            return respond(problem(ProblemType.TOO_LARGE, JsonPaths.describe(limit, field), field));
        }
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof JacksonException jackson) {
            String field = JsonPaths.of(jackson);
            String detail = JsonPaths.describe(jackson, field);
            ProblemType kind = JsonPaths.isSyntaxError(jackson) ? ProblemType.MALFORMED_JSON : ProblemType.INVALID_REQUEST;
            return respond(problem(kind, detail, field));
        }
        // Without a cause, Spring found no body to bind: the body was empty, or JSON's null.
        String detail = ex.getCause() == null
                ? "A JSON object is required as the request body; it is empty or null."
                : "The request body is not valid JSON.";
        return respond(problem(ProblemType.MALFORMED_JSON, detail, null));
    }

    /**
     * Spring's own problem documents (404, 405, 415, a missing parameter) in this service's words:
     * a detail such as "No static resource api/v1/activation." speaks of the framework, not the API.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            String detail = ownDetail(ex);
            if (detail != null) {
                problem.setDetail(detail);
            }
        }
        return response;
    }

    /** This service's detail for a Spring MVC exception, or {@code null} to keep Spring's. */
    static String ownDetail(Exception ex) {
        if (ex instanceof NoResourceFoundException) {
            return ProblemErrorReportValve.detail(404);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            String[] supported = e.getSupportedMethods();
            return supported == null || supported.length == 0 ? ProblemErrorReportValve.detail(405)
                    : "This path does not take " + ClientText.shorten(e.getMethod()) + "; it takes "
                            + String.join(", ", supported) + ".";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            return e.getContentType() == null
                    ? "The request body has no Content-Type; send it as application/json."
                    : "A body of type " + ClientText.shorten(e.getContentType().toString())
                            + " is not taken here; send application/json.";
        }
        if (ex instanceof MissingServletRequestParameterException e) {
            return "The query parameter '" + e.getParameterName() + "' is required.";
        }
        return null;
    }

    /** Gives Spring's own problem documents (405, 415, 404, ...) this service's types and titles. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            ProblemType kind = ProblemType.forStatus(statusCode.value());
            problem.setType(kind.type());
            problem.setTitle(kind.title());
        }
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        if (statusCode.value() != 406) {
            merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return new ResponseEntity<>(statusCode.value() == 406 ? null : body, merged, statusCode);
    }

    /** Last resort: a bug on our side. Logged in full; the client sees no internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e) {
        RequestBodyLimitFilter.BodyTooLargeException tooLarge =
                causeOfType(e, RequestBodyLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return respond(problem(ProblemType.TOO_LARGE, tooLarge.getMessage(), null));
        }
        log.error("Unexpected error", e);
        return respond(problem(ProblemType.INTERNAL,
                "The service failed to handle this request. The error has been logged.", null));
    }
}
