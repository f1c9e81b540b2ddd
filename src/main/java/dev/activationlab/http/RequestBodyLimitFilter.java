package dev.activationlab.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code activation-lab.limits.max-body-size} with a 413
 * problem document: up front when the declared Content-Length is too large, and while reading
 * when a body without a length (chunked) grows past the limit, so that no body beyond it is
 * ever buffered. A body in a charset Java does not know ({@code charset=no-such}) is refused with
 * 415 before it is read, and so is a body with a Content-Encoding (gzip, ...): this service reads
 * bodies as they are (RFC 9110, 15.5.16). A request with a body over 64 KB also gets a 512 KB response buffer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** Response buffer of a large request, in bytes: Tomcat's default is 8 KB. */
    private static final int LARGE_RESPONSE_BUFFER = 512 * 1024;

    private final long maxBodySize;

    public RequestBodyLimitFilter(LimitsProperties limits) {
        // Never null once validated; a test double of the limits may leave it out.
        this.maxBodySize = limits.maxBodySize() == null ? Long.MAX_VALUE : limits.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBodySize) {
            writeProblem(request, response, ProblemType.TOO_LARGE, tooLargeMessage(declared + " bytes"));
            return;
        }
        String encoding = request.getCharacterEncoding();
        if (encoding != null && hasBody(request) && charset(encoding) == null) {
            writeProblem(request, response, ProblemType.UNSUPPORTED_MEDIA_TYPE, "The request body's charset '"
                    + ClientText.shorten(encoding) + "' is not supported; send JSON in UTF-8.");
            return;
        }
        String coding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && hasBody(request) && !coding.isBlank() && !coding.trim().equalsIgnoreCase("identity")) {
            // Read as it is, a gzip body would be parsed as garbage, or worse, as other numbers.
            response.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
            writeProblem(request, response, ProblemType.UNSUPPORTED_MEDIA_TYPE, "The request body's Content-Encoding '"
                    + ClientText.shorten(coding) + "' is not supported; send the body uncompressed.");
            return;
        }
        // A declared length within the limit is all Tomcat will read, so only a body without one
        // (chunked) needs counting; not wrapping the others keeps every request attribute lookup
        // of the dispatch path one call shorter.
        boolean lengthKnown = declared >= 0 && request.getHeader("Transfer-Encoding") == null;
        if (declared > AdmissionFilter.LARGE_BODY) {
            // Above this request size the response, about as long, is buffered in larger pieces.
            // An evaluate answer is about as long as its request: 19 MB go out in 40 socket writes
            // instead of 2,400, which took 7 % off a 1,000,000-value request (README, Performance).
            response.setBufferSize(LARGE_RESPONSE_BUFFER);
        }
        chain.doFilter(lengthKnown ? request : new LimitedRequest(request, maxBodySize), response);
    }

    private String tooLargeMessage(String size) {
        return "The request body (" + size + ") is larger than the limit of " + maxBodySize + " bytes.";
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** The charset called {@code name}, or {@code null} if the name is malformed or unknown to Java. */
    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {   // IllegalCharsetNameException, UnsupportedCharsetException
            return null;
        }
    }

    private static void writeProblem(HttpServletRequest request, HttpServletResponse response, ProblemType kind,
            String detail) throws IOException {
        // Tomcat closes the connection after a 413 rather than receive the rest of the body.
        ProblemJson.write(request, response, kind, detail);
    }

    /** A body that grew past the limit while being read; reported as 413. */
    public static class BodyTooLargeException extends IOException {

        BodyTooLargeException(long limit) {
            super("The request body is larger than the limit of " + limit + " bytes.");
        }
    }

    /** The request with its body stream counted. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called");
            }
            if (stream == null) {
                stream = new CountingInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                if (stream != null) {
                    throw new IllegalStateException("getInputStream() has already been called");
                }
                // A body in an unknown charset was refused up front; one left here has no body to decode
                // (or its charset was set later by the application), and JSON is UTF-8 (RFC 8259).
                String encoding = getCharacterEncoding();
                Charset known = encoding == null ? null : charset(encoding);
                Charset charset = known == null ? StandardCharsets.UTF_8 : known;
                reader = new BufferedReader(new InputStreamReader(
                        new CountingInputStream(super.getInputStream(), limit), charset));
            }
            return reader;
        }
    }

    /** Fails with {@link BodyTooLargeException} as soon as more than {@code limit} bytes were read. */
    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        CountingInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
