package dev.activationlab.http;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The API connector's request threads: a fixed pool of {@link AdmissionProperties#effectiveComputeConcurrency()}
 * threads (two per processor by default) taking ready connections first come, first served.
 *
 * <p>Every request computes on the CPU, so more threads than that only take turns on the cores
 * (and starve the JIT compiler); fewer, busy threads never wait to be woken for the next request,
 * which is most of the cost of a small one. Nothing a client does can hold one of these threads:
 * heads are parsed without blocking (Tomcat's NIO connector), bodies that are not there yet and
 * long answers are read and written without blocking ({@link AdmissionFilter}), and requests that
 * compute for long are limited to the heavy lane.
 *
 * <p>Each task records when it was queued, so that a request that waited for a thread longer than
 * {@code max-compute-wait} is answered 503 at once (load shedding) instead of adding its work to
 * an overloaded service ({@link #queueWaitNanos()}). The management port keeps its own connector
 * and threads.
 *
 * <p>The connector's socket buffers are {@code socket-buffer} (32 KB) rather than Tomcat's 8 KB:
 * one system call moves at most one buffer, so an 8 MB answer took 1,000 writes and as many
 * wake-ups of the poller; with 32 KB it takes 250, which cut the time to receive a
 * 1,000,000-number raw answer from about 12 ms to 6-8 ms on the development machine. Every open
 * connection holds both buffers, so {@code server.tomcat.max-connections} bounds what they take.
 */
@Component
@EnableConfigurationProperties(AdmissionProperties.class)
public class RequestThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, DisposableBean {

    /** Nanoseconds the task running on this thread waited in the queue; 0 off the request threads. */
    private static final ThreadLocal<long[]> QUEUE_WAIT = ThreadLocal.withInitial(() -> new long[1]);

    private final QueueTimingExecutor executor;
    private final DataSize socketBuffer;

    public RequestThreads(AdmissionProperties properties) {
        int threads = properties.effectiveComputeConcurrency();
        this.executor = new QueueTimingExecutor(threads, new NamedThreads());
        this.socketBuffer = properties.socketBuffer();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addProtocolHandlerCustomizers(protocol -> protocol.setExecutor(executor));
        String buffer = Long.toString(socketBuffer.toBytes());
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", buffer);
            connector.setProperty("socket.appWriteBufSize", buffer);
        });
    }

    /** Nanoseconds the current request's task waited for a request thread (0 off those threads). */
    public static long queueWaitNanos() {
        return QUEUE_WAIT.get()[0];
    }

    /** Request threads busy now. */
    public int busy() {
        return executor.getActiveCount();
    }

    /** Connections ready and waiting for a request thread now. */
    public int waiting() {
        return executor.getQueue().size();
    }

    public int size() {
        return executor.getMaximumPoolSize();
    }

    @Override
    public void destroy() {
        // The web server has stopped (and drained) before beans are destroyed.
        executor.shutdown();
    }

    /** Tomcat's pool, fixed in size, each task stamped with the time it was queued. */
    private static final class QueueTimingExecutor extends ThreadPoolExecutor {

        QueueTimingExecutor(int threads, ThreadFactory threadFactory) {
            super(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
        }

        @Override
        public void execute(Runnable task) {
            long queued = System.nanoTime();
            super.execute(() -> {
                long[] wait = QUEUE_WAIT.get();
                wait[0] = System.nanoTime() - queued;
                try {
                    task.run();
                } finally {
                    wait[0] = 0;
                }
            });
        }
    }

    private static final class NamedThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "api-request-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
