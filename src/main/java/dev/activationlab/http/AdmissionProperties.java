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
 * <p>A request's body is read in full before it may compute, at no less than
 * {@code minBodyRate} bytes a second once {@code bodyRateGrace} has passed (else 408, as
 * Kestrel's and nginx's minimum data rates do); then it waits, first come first served, for one of
 * {@code computeConcurrency} compute slots, at most {@code maxComputeWait} (else 503 with
 * {@code Retry-After}). Bodies above 64 KB, and the answers built from them, are admitted against
 * a budget of {@code inFlightMemoryPercent} % of the maximum heap (else 503 with
 * {@code Retry-After}).
 *
 * @param computeConcurrency    requests computing at once; 0 (the default) means one per
 *                              available processor
 * @param maxComputeWait        longest wait for a compute slot
 * @param minBodyRate           slowest acceptable body upload, bytes per second
 * @param bodyRateGrace         time a body may take before the minimum rate applies
 * @param heavyPaths            path patterns (Spring's {@code PathPattern} syntax) of requests that
 *                              may compute for long; with large bodies they may hold every
 *                              compute slot but one
 * @param inFlightMemoryPercent share of the maximum heap that large bodies and their answers in
 *                              flight may hold together, in percent
 */
@Validated
@ConfigurationProperties("activation-lab.admission")
public record AdmissionProperties(
        @Min(0) @Max(1024) int computeConcurrency,
        @NotNull Duration maxComputeWait,
        @NotNull DataSize minBodyRate,
        @NotNull Duration bodyRateGrace,
        @NotNull List<String> heavyPaths,
        @Min(1) @Max(90) int inFlightMemoryPercent) {

    /** The compute slots to create: {@link #computeConcurrency()}, or the processor count for 0. */
    public int effectiveComputeConcurrency() {
        return computeConcurrency > 0 ? computeConcurrency : Runtime.getRuntime().availableProcessors();
    }

    /** The in-flight memory budget in bytes for a heap of at most {@code maxHeapBytes}. */
    public long inFlightMemoryBytes(long maxHeapBytes) {
        return maxHeapBytes / 100 * inFlightMemoryPercent;
    }
}
