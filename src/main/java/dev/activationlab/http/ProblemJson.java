package dev.activationlab.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;

/**
 * Writes a problem document (RFC 9457) as JSON text without a JSON library, for the places that
 * answer before Spring MVC runs: the servlet container's error report and the body size filter.
 * Members are those {@link ProblemHandler} writes: {@code type}, {@code title}, {@code status},
 * {@code detail} and, when known, {@code instance} and {@code field}.
 */
final class ProblemJson {

    private ProblemJson() {
    }

    /**
     * @param kind     the kind of problem; its status is used unless {@code status} is positive
     * @param status   the HTTP status to report, or 0 for the kind's own
     * @param detail   what was wrong, for people
     * @param instance the request path, or {@code null}
     * @param field    the JSON path or query parameter at fault, or {@code null}
     */
    static String of(ProblemType kind, int status, String detail, String instance, String field) {
        StringBuilder json = new StringBuilder(256).append('{');
        member(json, "type", kind.type().toString()).append(',');
        member(json, "title", kind.title()).append(',');
        json.append("\"status\":").append(status > 0 ? status : kind.status().value()).append(',');
        member(json, "detail", detail);
        if (instance != null) {
            member(json.append(','), "instance", instance);
        }
        if (field != null) {
            member(json.append(','), "field", field);
        }
        return json.append('}').toString();
    }

    /**
     * Answers {@code request} with a problem document of {@code kind}: the filters' way to refuse
     * a request before Spring MVC runs. A 503 says when to try again ({@code Retry-After}, RFC 9110
     * §10.2.3), and a 408 closes the connection, whose body was not read to its end.
     *
     * @throws IOException if the client has gone away
     */
    static void write(HttpServletRequest request, HttpServletResponse response, ProblemType kind, String detail)
            throws IOException {
        response.setStatus(kind.status().value());
        response.setContentType("application/problem+json");
        if (kind == ProblemType.SERVICE_BUSY) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        } else if (kind == ProblemType.REQUEST_TIMEOUT) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        byte[] json = of(kind, 0, detail, request.getRequestURI(), null).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** When a client refused for load should try again, in seconds. */
    static final String RETRY_AFTER_SECONDS = "1";

    private static StringBuilder member(StringBuilder json, String name, String value) {
        return string(string(json, name).append(':'), value);
    }

    /** A JSON string literal (RFC 8259 §7): quote, backslash and control characters escaped. */
    static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
