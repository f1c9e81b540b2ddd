package dev.activationlab.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How requests are admitted to the CPU and to memory, under {@code activation-lab.admission}:
 * what keeps slow clients, bursts and large bodies from starving everyone else.
 *
 * <p>Requests compute on {@code computeConcurrency} request threads, taken first come, first
 * served ({@link RequestThreads}); a request that waited for one longer than
 * {@code maxComputeWait} is answered 503 with {@code Retry-After}. A body is read in full, without
 * holding a thread while it is missing, before the request computes, at no less than
 * {@code minBodyRate} bytes a second once {@code bodyRateGrace} has passed (else 408, as Kestrel's
 * and nginx's minimum data rates do). Heavy requests (large bodies, heavy paths) compute at most
 * {@code heavyConcurrency} at once and wait for their turn, without a thread, at most
 * {@code maxComputeWait} (else 503). Bodies above 64 KB, and the answers built from them, are
 * admitted against a budget of {@code inFlightMemoryPercent} % of the maximum heap; a request whose
 * share is not free waits for it, first come, first served, without a thread, at most
 * {@code maxComputeWait} (else 503 with {@code Retry-After}).
 *
 * @param computeConcurrency    request threads of the API port; 0 (the default) means two per
 *                              available processor
 * @param heavyConcurrency      heavy requests computing at once; 0 (the default) means one fewer
 *                              than the available processors, at least 1, and never all the
 *                              request threads when there are two or more
 * @param maxComputeWait        longest wait for a request thread, a heavy request's turn or a large
 *                              request's share of the memory budget
 * @param minBodyRate           slowest acceptable body upload, bytes per second
 * @param bodyRateGrace         time a body may take before the minimum rate applies
 * @param maxTransferTime       the longest a body may take to arrive, or an answer written without
 *                              a thread to be taken, at any rate (else 408, or a closed connection
 *                              for an answer): what bounds the time a large request holds its share
 *                              of the memory budget
 * @param heavyPaths            path patterns (Spring's {@code PathPattern} syntax) of requests that
 *                              may compute for long; they compute in the heavy lane, as requests
 *                              with bodies over {@code heavyBody} do
 * @param heavyBody             bodies larger than this make a request heavy (a raw body of 100,000
 *                              float64 numbers, 800 KB, computes in about a millisecond and is not;
 *                              a 2 MB JSON body takes longer to parse alone)
 * @param inFlightMemoryPercent share of the maximum heap that large bodies and their answers in
 *                              flight may hold together, in percent
 * @param socketBuffer          each API connection's read and write buffer in Tomcat (its
 *                              {@code socket.appReadBufSize} and {@code socket.appWriteBufSize}): the
 *                              most one system call moves; every open connection holds two
 */
@Validated
@ConfigurationProperties("activation-lab.admission")
public record AdmissionProperties(
        @Min(0) @Max(1024) int computeConcurrency,
        @Min(0) @Max(1024) int heavyConcurrency,
        @NotNull Duration maxComputeWait,
        @NotNull DataSize minBodyRate,
        @NotNull Duration bodyRateGrace,
        @NotNull Duration maxTransferTime,
        @NotNull List<String> heavyPaths,
        @NotNull DataSize heavyBody,
        @Min(1) @Max(90) int inFlightMemoryPercent,
        @NotNull DataSize socketBuffer) {

    /** The request threads to create: {@link #computeConcurrency()}, or two per processor for 0. */
    public int effectiveComputeConcurrency() {
        return computeConcurrency > 0 ? computeConcurrency : 2 * Runtime.getRuntime().availableProcessors();
    }

    /** The heavy requests that may compute at once: {@link #heavyConcurrency()}, or its default for 0. */
    public int effectiveHeavyConcurrency() {
        if (heavyConcurrency > 0) {
            return heavyConcurrency;
        }
        int threads = effectiveComputeConcurrency();
        int belowCores = Runtime.getRuntime().availableProcessors() - 1;
        return Math.max(1, threads > 1 ? Math.min(threads - 1, belowCores) : belowCores);
    }

    /** The detail of the 408 given to a body below {@link #minBodyRate()} or beyond {@link #maxTransferTime()}. */
    public String slowBodyDetail() {
        return "The request body came slower than " + minBodyRate.toBytes() + " bytes a second, or took longer than "
                + maxTransferTime.toSeconds() + " s in all; send it faster.";
    }

    /** The detail of the 503 given to a request that waited too long for a request thread. */
    public String overloadDetail() {
        return "The service is overloaded: this request waited more than " + maxComputeWait.toMillis()
                + " ms for a request thread; try again in a moment.";
    }

    /** The in-flight memory budget in bytes for a heap of at most {@code maxHeapBytes}. */
    public long inFlightMemoryBytes(long maxHeapBytes) {
        return maxHeapBytes / 100 * inFlightMemoryPercent;
    }
}
