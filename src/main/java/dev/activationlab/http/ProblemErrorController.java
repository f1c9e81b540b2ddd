package dev.activationlab.http;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error page of the servlet container ({@code /error}, replacing Spring Boot's): answers
 * errors raised outside Spring MVC's exception handling, in a filter or by the container while
 * reading a request, with a problem document of this service's kinds. Never a stack trace,
 * exception class or message from inside the service.
 */
@Hidden
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    static final String BODY_ENDED_EARLY = "The request body ended before the length its Content-Length declared "
            + "(or before its last chunk): the client closed its side of the connection too early.";

    private final JsonMapper jsonMapper;

    ProblemErrorController(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /**
     * The problem with its length stated: after an error while a body was read without blocking,
     * the container closes the connection as soon as the answer is written, before it could end a
     * chunked answer.
     */
    @RequestMapping
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object query = request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
        ProblemDetail problem = problem(code instanceof Integer status ? status : null, exception,
                query instanceof String q ? q : null);
        if (uri instanceof String path) {
            problem.setInstance(ProblemHandler.pathAsUri(path));
        }
        byte[] json = jsonMapper.writeValueAsBytes(problem);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .contentLength(json.length).body(json);
    }

    private static ProblemDetail problem(Integer status, Throwable exception, String query) {
        RequestBodyLimitFilter.BodyTooLargeException tooLarge =
                ProblemHandler.causeOfType(exception, RequestBodyLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return ProblemHandler.problem(ProblemType.TOO_LARGE, tooLarge.getMessage(), null);
        }
        if (ProblemHandler.causeOfType(exception, org.apache.tomcat.util.http.InvalidParameterException.class) != null) {
            return ProblemHandler.problem(ProblemType.INVALID_REQUEST, ProblemHandler.MALFORMED_QUERY,
                    ProblemHandler.firstMalformedQueryParameter(query));
        }
        if (ProblemHandler.causeOfType(exception, org.apache.coyote.BadRequestException.class) != null) {
            // Body framing the container could not read (a chunk size that is not hexadecimal, ...),
            // reported here when the body was being read without blocking.
            return ProblemHandler.problem(ProblemType.INVALID_REQUEST, ProblemErrorReportValve.detail(400), null);
        }
        if (ProblemHandler.causeOfType(exception, java.io.EOFException.class) != null) {
            // The client half-closed its connection before its body's end: the container reports the
            // failed read here (as a 500) after the body's reader has seen it too.
            return ProblemHandler.problem(ProblemType.INVALID_REQUEST, BODY_ENDED_EARLY, null);
        }
        if (status == null) {
            // Someone asked for the error page itself.
            return ProblemHandler.problem(ProblemType.NOT_FOUND, ProblemErrorReportValve.detail(404), null);
        }
        if (status >= 500) {
            log.error("Unexpected error outside request handling (status {})", status, exception);
        }
        int reported = status == 505 ? 400 : status;
        ProblemType kind = ProblemType.forStatus(reported);
        ProblemDetail problem = ProblemHandler.problem(kind, ProblemErrorReportValve.detail(reported), null);
        problem.setStatus(reported);
        return problem;
    }
}
