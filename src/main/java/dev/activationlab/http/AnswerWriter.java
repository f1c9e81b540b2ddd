package dev.activationlab.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Writes a buffered answer without blocking (a {@link WriteListener}): as much as the socket
 * takes, the rest when it can take more, so that a client that reads slowly holds the answer's
 * memory (counted in the budget) but no thread; below the transfer rate once its grace period has
 * passed, the connection is closed.
 */
final class AnswerWriter implements WriteListener, AsyncListener {

    /** Bytes handed to the container at a time. */
    private static final int WRITE_SLICE = 64 * 1024;

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    /** The answer adopted whole, written from in slices; null if it is in the buffer. */
    private final byte[] whole;
    private final InputStream answer;
    private final MemoryReservation memory;
    private final TransferRate rate;
    private final byte[] chunk;
    private final long start = System.nanoTime();
    private final int size;
    private long written;
    private AsyncContext context;
    private ServletOutputStream out;

    /** @param memory the request's reservation, given back when the answer is out or abandoned */
    AnswerWriter(HttpServletRequest request, HttpServletResponse response, BufferedAnswer buffered,
            MemoryReservation memory, TransferRate rate) {
        this.request = request;
        this.response = response;
        this.size = buffered.getContentSize();
        this.whole = buffered.wholeAnswer();
        this.answer = whole == null ? buffered.getContentInputStream() : null;
        this.chunk = whole == null ? new byte[WRITE_SLICE] : null;
        this.memory = memory;
        this.rate = rate;
    }

    /** Starts the asynchronous write; the calling thread returns to the container at once. */
    void start() throws IOException {
        response.setContentLength(size);
        context = request.startAsync();
        context.setTimeout(rate.boundMillis(size));
        context.addListener(this);
        out = response.getOutputStream();
        out.setWriteListener(this);
    }

    @Override
    public void onWritePossible() throws IOException {
        while (out.isReady()) {
            int n = whole != null ? (int) Math.min(WRITE_SLICE, size - written) : answer.read(chunk);
            if (n <= 0) {
                context.complete();
                return;
            }
            out.write(whole != null ? whole : chunk, whole != null ? (int) written : 0, n);
            written += n;
            if (rate.tooSlow(written, System.nanoTime() - start)) {
                abandon();
                return;
            }
        }
    }

    /** Ends the exchange short of its length: the container closes the connection. */
    private void abandon() {
        memory.releaseAll();
        context.complete();
    }

    @Override
    public void onError(Throwable t) {
        memory.releaseAll();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        abandon();
    }

    @Override
    public void onError(AsyncEvent event) {
        memory.releaseAll();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        memory.releaseAll();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
