package dev.activationlab.http;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for errors the servlet container answers itself, before any servlet
 * runs: a malformed request line, a bad %-escape or a forbidden character in the URL, headers
 * that are malformed or too large, a broken chunked body. Tomcat's own report is an HTML page;
 * this one is a problem document like every other error of the service, with no server
 * version, message or stack trace in it. A 505 (unsupported HTTP version) and a 501 (the
 * method CONNECT, or a transfer coding Tomcat does not implement) are answered as 400, since no
 * client input may produce a 5xx.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    static final String CONTAINER_BAD_REQUEST = "The request could not be parsed: its request line, URL (for "
            + "example a malformed %-escape or a character that URLs do not allow), headers (malformed or too "
            + "large) or body framing are not valid HTTP/1.1.";

    static final String NOT_IMPLEMENTED = "The request asks for what this service does not implement: the method "
            + "CONNECT (this is not a proxy) or a transfer coding other than chunked.";

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String detail = detail(status);
        if (status == 505 || status == 501) {
            status = 400;
            response.setStatus(400);
        }
        String body = ProblemJson.of(ProblemType.forStatus(status), status, detail, null, null);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile: nothing more to say.
        }
    }

    /** Fixed texts: Tomcat's messages may quote raw request bytes or name internals. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> CONTAINER_BAD_REQUEST;
            case 404 -> "There is nothing at this path.";
            case 405 -> "This method is not allowed on this path.";
            case 408 -> "The request was not received in time.";
            case 501 -> NOT_IMPLEMENTED;
            case 413 -> "The request is larger than this service accepts.";
            case 414 -> "The URL is longer than this service accepts.";
            case 431 -> "The request headers are larger than this service accepts.";
            default -> status >= 500
                    ? "The service failed to handle this request."
                    : "The request could not be handled (HTTP status " + status + ").";
        };
    }
}
