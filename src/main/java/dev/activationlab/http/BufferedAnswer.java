package dev.activationlab.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.async.StandardServletAsyncWebRequest;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The answer of an admitted request, held in memory until {@link AdmissionFilter} writes it out
 * (after the heavy turn has been given back, and without blocking if it is large).
 *
 * <p>An answer that a handler returns as one {@code byte[]} (a raw or .npy vector, a PNG) is
 * {@linkplain #adopt(byte[]) adopted}: held as the handler's array, not copied into the buffer. A
 * 1,000,000-number float64 answer is 8 MB, so the copy alone would cost as much again in memory and
 * about a millisecond. Anything written after it makes the buffer copy it first, so the order of
 * the bytes is always the order of the writes.
 */
final class BufferedAnswer extends ContentCachingResponseWrapper {

    /** An answer handed over whole and not yet written; while it is set, the buffer is empty. */
    private byte[] whole;
    private ServletOutputStream stream;

    BufferedAnswer(HttpServletResponse response) {
        super(response);
    }

    /**
     * The buffered answer a handler's response writes to, or null. Spring MVC hands handlers the
     * response inside its asynchronous-request guard, which passes every write straight through;
     * any other wrapper might change what is written, so behind one the answer is not adopted.
     */
    static BufferedAnswer of(ServletResponse response) {
        ServletResponse inner = response;
        while (inner instanceof ServletResponseWrapper wrapper && !(inner instanceof BufferedAnswer)
                && wrapper.getClass().getEnclosingClass() == StandardServletAsyncWebRequest.class) {
            inner = wrapper.getResponse();
        }
        return inner instanceof BufferedAnswer answer ? answer : null;
    }

    /**
     * Takes {@code bytes} as the answer (or as its continuation) without copying them; the caller
     * must not change them afterwards.
     */
    void adopt(byte[] bytes) throws IOException {
        if (whole == null && super.getContentSize() == 0) {
            whole = bytes;
        } else {
            getOutputStream().write(bytes);
        }
    }

    /** The answer if it was adopted whole and nothing followed it, else null (see {@link #getContentInputStream()}). */
    byte[] wholeAnswer() {
        return whole;
    }

    /** Moves an adopted answer into the buffer, before anything is written after it. */
    private void bufferWhole() throws IOException {
        if (whole != null) {
            byte[] bytes = whole;
            whole = null;
            super.getOutputStream().write(bytes);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new AfterWhole(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        bufferWhole();
        return super.getWriter();
    }

    @Override
    public int getContentSize() {
        return whole != null ? whole.length : super.getContentSize();
    }

    @Override
    public InputStream getContentInputStream() {
        return whole != null ? new ByteArrayInputStream(whole) : super.getContentInputStream();
    }

    @Override
    public byte[] getContentAsByteArray() {
        return whole != null ? whole.clone() : super.getContentAsByteArray();
    }

    @Override
    protected void copyBodyToResponse(boolean complete) throws IOException {
        if (whole == null) {
            super.copyBodyToResponse(complete);
            return;
        }
        byte[] bytes = whole;
        whole = null;
        HttpServletResponse raw = (HttpServletResponse) getResponse();
        if (!raw.isCommitted() && raw.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            // Forget the length the handler declared (the wrapper holds it back) and give the real one.
            setHeader(HttpHeaders.CONTENT_LENGTH, null);
            raw.setContentLength(bytes.length);
        }
        raw.getOutputStream().write(bytes);
        if (complete) {
            raw.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        whole = null;
        super.resetBuffer();
    }

    @Override
    public void reset() {
        whole = null;
        super.reset();
    }

    /** The buffer's stream, which first moves an adopted answer into the buffer. */
    private final class AfterWhole extends ServletOutputStream {

        private final ServletOutputStream buffer;

        AfterWhole(ServletOutputStream buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) throws IOException {
            bufferWhole();
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            bufferWhole();
            buffer.write(b, off, len);
        }

        @Override
        public boolean isReady() {
            return buffer.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            buffer.setWriteListener(listener);
        }
    }
}
