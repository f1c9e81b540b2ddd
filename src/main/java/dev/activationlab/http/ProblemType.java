package dev.activationlab.http;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of problem this service reports, each with a stable type URI (RFC 9457 §3.1.1),
 * its status and a title for people.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "Malformed JSON"),
    INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid activation parameter"),
    UNKNOWN_ACTIVATION("unknown-activation", HttpStatus.NOT_FOUND, "Unknown activation"),
    INVALID_ACTIVATION("invalid-activation", HttpStatus.BAD_REQUEST, "Invalid activation name"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    REQUEST_TIMEOUT("request-timeout", HttpStatus.REQUEST_TIMEOUT, "Request too slow"),
    TOO_LARGE("too-large", HttpStatus.CONTENT_TOO_LARGE, "Request too large"),
    UNPROCESSABLE("unprocessable", HttpStatus.UNPROCESSABLE_CONTENT, "Result cannot be given"),
    SERVICE_BUSY("service-busy", HttpStatus.SERVICE_UNAVAILABLE, "Service busy"),
    INTERNAL("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String BASE = "urn:activation-lab:problem:";

    private final URI type;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.type = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The general kind for a status that no more specific kind was chosen for. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 503 -> SERVICE_BUSY;
            default -> status >= 500 ? INTERNAL : INVALID_REQUEST;
        };
    }
}
