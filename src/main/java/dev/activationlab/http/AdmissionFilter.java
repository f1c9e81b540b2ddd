package dev.activationlab.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Admits each API request to memory and to the CPU in three steps, so that slow, stalled and
 * greedy clients cannot take what other requests need:
 * <ol>
 * <li>a body over 64 KB reserves four times its size for JSON (the body, the numbers parsed from
 * it, the numbers computed and the answer), and 4 to 10 times for raw and .npy numbers (by the
 * element size), from the in-flight memory budget, or is answered 503 with {@code Retry-After};</li>
 * <li>the body is read in full, before any compute slot is taken, at no less than the minimum
 * rate once the grace period has passed, or is answered 408 and the connection closed;</li>
 * <li>the request waits, first come first served, for a compute slot, at most the configured
 * wait, or is answered 503 with {@code Retry-After}; heavy requests (large bodies, and the paths
 * configured as heavy: training, simulations, plots) may hold all slots but one, so that small
 * requests never queue behind them; it computes into a buffer and gives the slot back before
 * its answer goes out, so that a client that reads slowly holds no slot.</li>
 * </ol>
 * Event streams ({@code Accept: text/event-stream}) are written as they happen; their work runs on
 * the progress streams' own pool. Paths outside {@code /api/} (the playground, the OpenAPI
 * document) are not counted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@EnableConfigurationProperties(AdmissionProperties.class)
public class AdmissionFilter extends OncePerRequestFilter {

    /** Bodies up to this size (bytes) are not counted against the memory budget. */
    static final int LARGE_BODY = 64 * 1024;

    /**
     * Bytes of heap a large JSON request is assumed to hold per byte of its body: the body, the
     * doubles read from it and computed (about 0.4 byte each per byte of text), and the answer.
     */
    static final int MEMORY_PER_BODY_BYTE = 4;

    private final WorkAdmission admission;
    private final List<PathPattern> heavyPaths;
    private final Duration maxComputeWait;
    private final long minBytesPerSecond;
    private final long graceNanos;

    public AdmissionFilter(AdmissionProperties properties) {
        this.admission = new WorkAdmission(properties.effectiveComputeConcurrency(),
                properties.inFlightMemoryBytes(Runtime.getRuntime().maxMemory()));
        this.heavyPaths = properties.heavyPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.maxComputeWait = properties.maxComputeWait();
        this.minBytesPerSecond = properties.minBodyRate().toBytes();
        this.graceNanos = properties.bodyRateGrace().toNanos();
    }

    /** The compute slots and memory budget this filter admits requests to. */
    public WorkAdmission admission() {
        return admission;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean chunked = declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        int perByte = memoryPerBodyByte(request);
        long reserved = declared > LARGE_BODY ? declared * perByte : 0;
        if (reserved > 0 && !admission.tryReserveMemory(reserved, maxComputeWait)) {
            refuseForMemory(request, response, declared);
            return;
        }
        try {
            HttpServletRequest admitted = request;
            if (declared > 0 || chunked) {
                BodyRead read = readBody(request, declared, reserved, perByte);
                reserved = read.reserved;
                if (read.body == null) {
                    if (read.refusal != null) {
                        ProblemJson.write(request, response, read.refusal, read.detail);
                    }
                    return;
                }
                admitted = new BufferedBodyRequest(request, read.body);
            }
            boolean heavy = reserved > 0 || isHeavyPath(request);
            reserved = compute(admitted, response, chain, reserved, heavy);
        } finally {
            if (reserved > 0) {
                admission.releaseMemory(reserved);
            }
        }
    }

    private boolean isHeavyPath(HttpServletRequest request) {
        if (heavyPaths.isEmpty()) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        for (PathPattern pattern : heavyPaths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the rest of the chain in a compute slot (a heavy one for large bodies and heavy paths);
     * returns the bytes now reserved.
     */
    private long compute(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            long reserved, boolean heavy) throws ServletException, IOException {
        boolean granted = heavy ? admission.tryAcquireHeavyCompute(maxComputeWait)
                : admission.tryAcquireCompute(maxComputeWait);
        if (!granted) {
            ProblemJson.write(request, response, ProblemType.SERVICE_BUSY, "Every compute slot stayed busy for "
                    + maxComputeWait.toMillis() + " ms; try again in a moment.");
            return reserved;
        }
        if (isEventStream(request)) {
            try {
                chain.doFilter(request, response);
            } finally {
                release(heavy);
            }
            return reserved;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, buffered);
        } finally {
            release(heavy);
        }
        int answer = buffered.getContentSize();
        if (answer > LARGE_BODY) {
            // Already allocated: counted so that new large requests wait until it has gone out.
            admission.forceReserveMemory(answer);
            reserved += answer;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new CopyOnCompletion(buffered));
        } else {
            buffered.copyBodyToResponse();
        }
        return reserved;
    }

    private void release(boolean heavy) {
        if (heavy) {
            admission.releaseHeavyCompute();
        } else {
            admission.releaseCompute();
        }
    }

    /**
     * Heap per body byte: {@link #MEMORY_PER_BODY_BYTE} for JSON; for raw and .npy numbers, the
     * body and the answer plus two doubles (input and result) per element, 8 bytes each whatever
     * the element's size (10 per byte for 2-byte elements; a .npy body is counted at that worst case).
     */
    private static int memoryPerBodyByte(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return MEMORY_PER_BODY_BYTE;
        }
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("application/x-npy")) {
            return 2 + 2 * 8 / 2;
        }
        if (lower.startsWith(MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
            String dtype = request.getParameter("dtype");
            int elementBytes = dtype == null || dtype.equalsIgnoreCase("float64") ? 8
                    : dtype.equalsIgnoreCase("float32") ? 4 : 2;
            return 2 + 2 * 8 / elementBytes;
        }
        return MEMORY_PER_BODY_BYTE;
    }

    private static boolean isEventStream(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    private void refuseForMemory(HttpServletRequest request, HttpServletResponse response, long declared)
            throws IOException {
        // The body is read and dropped (no memory held, the minimum rate still applies), so that the
        // client, busy sending it, can read the 503 rather than see its connection reset.
        if (!discardBody(request, declared)) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        ProblemJson.write(request, response, ProblemType.SERVICE_BUSY, memoryBusy());
    }

    private String memoryBusy() {
        return "Large requests in flight hold the service's memory budget (" + admission.memoryBudget() / (1024 * 1024)
                + " MiB); try again in a moment.";
    }

    /** Reads {@code declared} bytes of body and drops them; false if that failed or was too slow. */
    private boolean discardBody(HttpServletRequest request, long declared) {
        long start = System.nanoTime();
        byte[] scratch = new byte[64 * 1024];
        long received = 0;
        try {
            InputStream in = request.getInputStream();
            while (received < declared) {
                int n = in.read(scratch);
                if (n < 0) {
                    return false;
                }
                received += n;
                if (tooSlow(received, System.nanoTime() - start)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The outcome of reading a body: the bytes, or why there are none. */
    private record BodyRead(byte[] body, long reserved, ProblemType refusal, String detail) {
    }

    /**
     * Reads the whole body: {@code declared} bytes, or up to the end of a chunked body. Slower
     * than the minimum rate after the grace period, or silent for the connection timeout, is a 408.
     */
    private BodyRead readBody(HttpServletRequest request, long declared, long reserved, int perByte)
            throws IOException {
        long start = System.nanoTime();
        // Within the body size limit (RequestBodyLimitFilter refused larger declared lengths).
        byte[] body = new byte[declared > 0 ? (int) declared : 8192];
        int length = 0;
        InputStream in = request.getInputStream();
        try {
            while (true) {
                if (length == body.length) {
                    if (declared > 0) {
                        break;
                    }
                    int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) length * 2);
                    long needed = capacity > LARGE_BODY ? (long) capacity * perByte : 0;
                    if (needed > reserved) {
                        if (!admission.tryReserveMemory(needed - reserved, maxComputeWait)) {
                            return new BodyRead(null, reserved, ProblemType.SERVICE_BUSY, memoryBusy());
                        }
                        reserved = needed;
                    }
                    body = Arrays.copyOf(body, capacity);
                }
                int n = in.read(body, length, body.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                if (tooSlow(length, System.nanoTime() - start)) {
                    return new BodyRead(null, reserved, ProblemType.REQUEST_TIMEOUT, "The request body came slower "
                            + "than " + minBytesPerSecond + " bytes a second; send it faster.");
                }
            }
        } catch (RequestBodyLimitFilter.BodyTooLargeException e) {
            return new BodyRead(null, reserved, ProblemType.TOO_LARGE, e.getMessage());
        } catch (IOException e) {
            if (isTimeout(e)) {
                return new BodyRead(null, reserved, ProblemType.REQUEST_TIMEOUT,
                        "The request body stalled; send it without pauses.");
            }
            // The client went away, or broke off its body: nobody to answer.
            return new BodyRead(null, reserved, null, null);
        }
        if (declared > 0 && length < declared) {
            return new BodyRead(null, reserved, null, null);
        }
        return new BodyRead(length == body.length ? body : Arrays.copyOf(body, length), reserved, null, null);
    }

    private boolean tooSlow(long received, long elapsedNanos) {
        return elapsedNanos > graceNanos && received < minBytesPerSecond * (elapsedNanos / 1_000_000_000.0);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Copies a buffered answer out once asynchronous processing has finished. */
    private record CopyOnCompletion(ContentCachingResponseWrapper buffered) implements jakarta.servlet.AsyncListener {

        @Override
        public void onComplete(jakarta.servlet.AsyncEvent event) throws IOException {
            buffered.copyBodyToResponse();
        }

        @Override
        public void onTimeout(jakarta.servlet.AsyncEvent event) {
        }

        @Override
        public void onError(jakarta.servlet.AsyncEvent event) {
        }

        @Override
        public void onStartAsync(jakarta.servlet.AsyncEvent event) {
        }
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private ServletInputStream stream;
        private BufferedReader reader;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called");
            }
            if (stream == null) {
                stream = new ByteArrayServletInputStream(body);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() has already been called");
            }
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset known = encoding == null ? null : RequestBodyLimitFilter.charset(encoding);
                // JSON is UTF-8 (RFC 8259); an unknown charset was refused before this filter.
                reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                        known == null ? StandardCharsets.UTF_8 : known));
            }
            return reader;
        }
    }

    /** A servlet input stream over bytes in memory: always ready, never blocks. */
    private static final class ByteArrayServletInputStream extends ServletInputStream {

        private final byte[] bytes;
        private int position;

        ByteArrayServletInputStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return bytes.length - position;
        }

        @Override
        public boolean isFinished() {
            return position >= bytes.length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("The body has already been read");
        }
    }
}
