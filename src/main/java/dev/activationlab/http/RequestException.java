package dev.activationlab.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client mistake found while checking a request, with the JSON path of the place at fault
 * (zero-based, e.g. {@code layers[1].weights[0][2]}).
 */
public class RequestException extends RuntimeException {

    private final ProblemType problemType;
    private final String field;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public RequestException(ProblemType problemType, String field, String detail) {
        super(detail);
        this.problemType = problemType;
        this.field = field;
    }

    /** 400: a missing, wrongly shaped or out-of-range field. */
    public static RequestException invalid(String field, String detail) {
        return new RequestException(ProblemType.INVALID_REQUEST, field, detail);
    }

    /** 413: beyond a configured limit. */
    public static RequestException tooLarge(String field, String detail) {
        return new RequestException(ProblemType.TOO_LARGE, field, detail);
    }

    /** 422: well-formed, but the result cannot be given. */
    public static RequestException unprocessable(String field, String detail) {
        return new RequestException(ProblemType.UNPROCESSABLE, field, detail);
    }

    public ProblemType problemType() {
        return problemType;
    }

    /** Adds a member to the problem document, e.g. {@code validNames}. */
    public RequestException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Extra members of the problem document. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** JSON path of the place at fault, or {@code null} if the request as a whole is at fault. */
    public String field() {
        return field;
    }
}
