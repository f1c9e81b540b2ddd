package dev.activationlab.http;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Long work answered as Server-Sent Events: {@code progress} events at most ten a second, then one
 * {@code result} event whose data is the JSON the plain request gets, or one {@code problem} event
 * if the work fails after it started.
 *
 * <p>The work runs on a small pool of its own, not on a Tomcat worker, so a slow reader of the
 * stream holds no request thread; when the pool and its short queue are full the request is
 * answered 503 with {@code Retry-After} before anything starts. A client that goes away stops the
 * work at its next progress report (no training keeps running for nobody).
 */
@Component
public class ProgressStreams {

    /** At most this many progress events a second. */
    static final long MIN_NANOS_BETWEEN_EVENTS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Longest a stream may stay open; the work itself is bounded by the training work limit. */
    static final long STREAM_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(10);

    private static final Logger LOG = LoggerFactory.getLogger(ProgressStreams.class);

    private final ThreadPoolExecutor executor;

    public ProgressStreams() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(2 * threads), r -> {
                    Thread thread = new Thread(r, "progress-stream-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** Work that reports progress to a sink and gives the result the plain request would get. */
    @FunctionalInterface
    public interface Work {

        /**
         * @throws RequestException for a failure to report as a {@code problem} event
         */
        Object run(Sink sink);
    }

    /** Where work reports progress. */
    public interface Sink {

        /**
         * Sends {@code event} as a {@code progress} event unless one was sent less than 0.1 s ago.
         *
         * @throws ClientGoneException if the client has gone away: the work should stop
         */
        void progress(Object event);
    }

    /** The client closed the stream; the work stops. */
    public static final class ClientGoneException extends RuntimeException {

        ClientGoneException() {
            super("The client closed the event stream", null, false, false);
        }
    }

    /**
     * Starts {@code work} and answers its events.
     *
     * @throws RequestException 503 (service busy, with Retry-After) when the streams' pool is full
     */
    public SseEmitter stream(Work work) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
        AtomicBoolean gone = new AtomicBoolean();
        emitter.onCompletion(() -> gone.set(true));
        emitter.onTimeout(() -> gone.set(true));
        emitter.onError(e -> gone.set(true));
        ThrottledSink sink = new ThrottledSink(emitter, gone);
        try {
            executor.execute(() -> {
                try {
                    Object result = work.run(sink);
                    send(emitter, gone, "result", result);
                    emitter.complete();
                } catch (ClientGoneException e) {
                    emitter.complete();
                } catch (RequestException e) {
                    sendQuietly(emitter, gone, "problem", ProblemHandler.problem(e));
                } catch (RuntimeException e) {
                    LOG.error("Streamed work failed", e);
                    sendQuietly(emitter, gone, "problem", ProblemHandler.problem(ProblemType.INTERNAL,
                            "The work failed after it started; nothing of it was kept.", null));
                }
            });
        } catch (RejectedExecutionException e) {
            throw new RequestException(ProblemType.SERVICE_BUSY, null, "Every stream slot is busy; try again in a "
                    + "moment.");
        }
        return emitter;
    }

    private static void sendQuietly(SseEmitter emitter, AtomicBoolean gone, String name, Object data) {
        try {
            send(emitter, gone, name, data);
            emitter.complete();
        } catch (ClientGoneException e) {
            emitter.complete();
        }
    }

    private static void send(SseEmitter emitter, AtomicBoolean gone, String name, Object data) {
        if (gone.get()) {
            throw new ClientGoneException();
        }
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            gone.set(true);
            throw new ClientGoneException();
        }
    }

    private static final class ThrottledSink implements Sink {

        private final SseEmitter emitter;
        private final AtomicBoolean gone;
        private long lastSent = System.nanoTime() - MIN_NANOS_BETWEEN_EVENTS;

        ThrottledSink(SseEmitter emitter, AtomicBoolean gone) {
            this.emitter = emitter;
            this.gone = gone;
        }

        @Override
        public void progress(Object event) {
            if (gone.get()) {
                throw new ClientGoneException();
            }
            long now = System.nanoTime();
            if (now - lastSent >= MIN_NANOS_BETWEEN_EVENTS) {
                send(emitter, gone, "progress", event);
                lastSent = now;
            }
        }
    }

    /** Streams whose work is running now. */
    public int running() {
        return executor.getActiveCount();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
