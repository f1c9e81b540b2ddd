package dev.activationlab.web;

import dev.activationlab.activation.InvalidParameterException;
import dev.activationlab.activation.UnknownActivationException;
import dev.activationlab.activation.VectorValuedException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every error into an RFC 9457 problem document ({@code application/problem+json}) with
 * a stable {@code type} per kind of problem, a {@code title} for people, a {@code detail} that
 * says what was wrong and, where one place is at fault, {@code field}: its JSON path.
 * No stack trace or class name ever reaches the client.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

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

    static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(RequestException.class)
    ResponseEntity<Object> handleRequest(RequestException e) {
        ProblemDetail problem = problem(e.problemType(), e.getMessage(), e.field());
        e.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    /** An unknown activation named in the URL path: a missing resource. */
    @ExceptionHandler(UnknownActivationException.class)
    ResponseEntity<Object> handleUnknownActivation(UnknownActivationException e) {
        ProblemDetail problem = problem(ProblemType.UNKNOWN_ACTIVATION, e.getMessage(), null);
        problem.setProperty("validNames", e.validNames());
        return respond(problem);
    }

    /** A bad parameter of an activation named in the path; the parameters sit under {@code params}. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleInvalidParameter(InvalidParameterException e) {
        return respond(problem(ProblemType.INVALID_PARAMETER, e.getMessage(), "params." + e.parameter()));
    }

    @ExceptionHandler(VectorValuedException.class)
    ResponseEntity<Object> handleVectorValued(VectorValuedException e) {
        return respond(problem(ProblemType.UNPROCESSABLE, e.getMessage(), null));
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
                "'" + e.getName() + "' must be " + expected + "; got '" + e.getValue() + "'.", e.getName()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof JacksonException jackson) {
            String field = JsonPaths.of(jackson);
            String detail = JsonPaths.describe(jackson, field);
            ProblemType kind = JsonPaths.isSyntaxError(jackson) ? ProblemType.MALFORMED_JSON : ProblemType.INVALID_REQUEST;
            return respond(problem(kind, detail, field));
        }
        String detail = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                ? "A JSON request body is required."
                : "The request body is not valid JSON.";
        return respond(problem(ProblemType.MALFORMED_JSON, detail, null));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors();
        if (errors.isEmpty()) {
            return respond(problem(ProblemType.INVALID_REQUEST, "The request is not valid.", null));
        }
        FieldError first = errors.get(0);
        String field = JsonPaths.fromBindingPath(first.getField());
        return respond(problem(ProblemType.INVALID_REQUEST,
                "'" + field + "' " + first.getDefaultMessage() + ".", field));
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
        log.error("Unexpected error", e);
        return respond(problem(ProblemType.INTERNAL,
                "The service failed to handle this request. The error has been logged.", null));
    }
}
