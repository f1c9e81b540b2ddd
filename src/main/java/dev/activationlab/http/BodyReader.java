package dev.activationlab.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;

/**
 * Reads a whole request body ({@code declared} bytes, or up to the end of a chunked body), or
 * reads it and drops it to answer 503 when the request's wait for memory is over
 * ({@code discard}): the bytes that are there at once in the calling thread, the rest as they
 * arrive (a {@link ReadListener}), without holding a thread. Slower than the transfer rate after
 * its grace period, or silent for the connection timeout, is a 408; a chunked body that outgrows
 * its share of the memory budget is a 503.
 */
final class BodyReader implements ReadListener, AsyncListener {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final long declared;
    private final MemoryReservation memory;
    private final int memoryPerByte;
    private final boolean discard;
    private final TransferRate rate;
    private final String memoryBusyDetail;
    private final Consumer<byte[]> markRead;
    private final long start = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private ServletInputStream in;
    private byte[] body;
    private long length;
    private AsyncContext context;

    /**
     * @param declared         the body's Content-Length in bytes, or -1 for a chunked body
     * @param memory           the request's reservation: grown with a chunked body, given back when
     *                         the request is answered here
     * @param memoryPerByte    bytes of the budget a chunked body holds per byte read, once over
     *                         {@link AdmissionFilter#LARGE_BODY}
     * @param discard          read and drop the body, then answer 503 with {@code memoryBusyDetail}
     * @param markRead         marks the request with its body before it is dispatched again, when
     *                         the body was read without a thread
     */
    BodyReader(HttpServletRequest request, HttpServletResponse response, long declared, MemoryReservation memory,
            int memoryPerByte, boolean discard, TransferRate rate, String memoryBusyDetail,
            Consumer<byte[]> markRead) {
        this.request = request;
        this.response = response;
        this.declared = declared;
        this.memory = memory;
        this.memoryPerByte = memoryPerByte;
        this.discard = discard;
        this.rate = rate;
        this.memoryBusyDetail = memoryBusyDetail;
        this.markRead = markRead;
        // Within the body size limit (RequestBodyLimitFilter refused larger declared lengths).
        this.body = new byte[discard ? 64 * 1024 : declared > 0 ? (int) declared : 8192];
    }

    /** The body read (valid once {@link #start()} returned true). */
    byte[] body() {
        return length == body.length ? body : Arrays.copyOf(body, (int) length);
    }

    /**
     * Reads what is there; if that is the whole body, returns true (the caller goes on), else
     * continues without a thread and returns false: the request is then marked and resumed by a
     * dispatch, or answered here.
     */
    boolean start() throws IOException {
        try {
            in = request.getInputStream();
            while (declared > 0 && length < declared && in.available() > 0) {
                if (!readOnce()) {
                    return false;
                }
            }
            if (declared > 0 && length >= declared) {
                if (discard) {
                    refuse(ProblemType.SERVICE_BUSY, memoryBusyDetail);
                    return false;
                }
                return true;
            }
        } catch (IOException e) {
            failed(e);
            return false;
        }
        context = request.startAsync();
        context.setTimeout(declared > 0 ? rate.boundMillis(declared) : 0);
        context.addListener(this);
        // The container calls back in this thread, after this dispatch, when bytes are there
        // already (usually the rest of a body of some kilobytes), else when they arrive.
        in.setReadListener(this);
        return false;
    }

    /** Reads once into the body; false if the request was answered (too slow, too large, no memory). */
    private boolean readOnce() throws IOException {
        int offset = discard ? 0 : (int) length;
        if (offset == body.length && !grow()) {
            return false;
        }
        int n = in.read(body, offset, body.length - offset);
        if (n > 0) {
            length += n;
        }
        if (rate.tooSlow(length, System.nanoTime() - start)) {
            refuse(ProblemType.REQUEST_TIMEOUT, rate.tooSlowDetail());
            return false;
        }
        return true;
    }

    /** Doubles the buffer of a chunked body, within the memory budget. */
    private boolean grow() throws IOException {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) body.length * 2);
        long needed = capacity > AdmissionFilter.LARGE_BODY ? (long) capacity * memoryPerByte : 0;
        if (needed > memory.held() && !memory.reserve(needed - memory.held())) {
            refuse(ProblemType.SERVICE_BUSY, memoryBusyDetail);
            return false;
        }
        body = Arrays.copyOf(body, capacity);
        return true;
    }

    @Override
    public void onDataAvailable() throws IOException {
        try {
            while (!finished.get() && in.isReady()) {
                if (!readOnce()) {
                    return;
                }
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    @Override
    public void onAllDataRead() throws IOException {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (discard) {
            answer(ProblemType.SERVICE_BUSY, memoryBusyDetail);
            return;
        }
        if (declared > 0 && length < declared) {
            // The client broke off its body: nobody to answer.
            memory.releaseAll();
            context.complete();
            return;
        }
        markRead.accept(body());
        context.dispatch();
    }

    @Override
    public void onError(Throwable t) {
        failed(t);
    }

    private void failed(Throwable t) {
        if (t instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
            refuse(ProblemType.TOO_LARGE, tooLarge.getMessage());
        } else if (causedBy(t, SocketTimeoutException.class)) {
            refuse(ProblemType.REQUEST_TIMEOUT, "The request body stalled; send it without pauses.");
        } else if (causedBy(t, EOFException.class)) {
            // The client closed its side before the body's end; it may still read the answer.
            refuse(ProblemType.INVALID_REQUEST, ProblemErrorController.BODY_ENDED_EARLY + " (" + length + " bytes "
                    + "arrived" + (declared > 0 ? " of " + declared : "") + ").");
        } else {
            // The client went away or broke off its body (nobody to answer), or its framing was
            // broken (the container answers 400 through the error page).
            refuse(null, null);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Answers the request (or, for a null kind, only ends it) instead of computing it. */
    private void refuse(ProblemType kind, String detail) {
        if (finished.compareAndSet(false, true)) {
            answer(kind, detail);
        }
    }

    private void answer(ProblemType kind, String detail) {
        memory.releaseAll();
        try {
            if (kind != null && !response.isCommitted()) {
                if (!(declared > 0 && length >= declared)) {
                    // The rest of the body is not read: the connection cannot be used again.
                    response.setHeader(HttpHeaders.CONNECTION, "close");
                }
                ProblemJson.write(request, response, kind, detail);
            }
        } catch (IOException | RuntimeException clientGone) {
            // Nothing more to tell a client that has gone.
        } finally {
            if (context != null) {
                context.complete();
            }
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        refuse(ProblemType.REQUEST_TIMEOUT, rate.tooSlowDetail());
    }

    @Override
    public void onError(AsyncEvent event) {
        // The container reports a read that failed (a client that half-closed before the body's end
        // among them) here as well as to onError(Throwable), whichever comes first.
        if (event.getThrowable() != null) {
            failed(event.getThrowable());
        } else {
            refuse(null, null);
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        memory.releaseAll();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
