package dev.activationlab.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two resources every request competes for: compute slots (bounded concurrency, granted
 * first come, first served) and a byte budget for large bodies and answers in flight.
 *
 * <p>Thread-safe. The filter that applies it is {@link AdmissionFilter}.
 */
public final class WorkAdmission {

    private final Semaphore computeSlots;
    private final int computeConcurrency;
    private final long memoryBudget;
    private final AtomicLong memoryInFlight = new AtomicLong();

    /**
     * @param computeConcurrency requests allowed to compute at once, at least 1
     * @param memoryBudgetBytes  bytes that admitted bodies and answers may hold together
     * @throws IllegalArgumentException if either is not positive
     */
    public WorkAdmission(int computeConcurrency, long memoryBudgetBytes) {
        if (computeConcurrency < 1 || memoryBudgetBytes < 1) {
            throw new IllegalArgumentException("compute concurrency and memory budget must be positive");
        }
        // Fair: a request that has waited longest gets the next slot, so that no connection
        // waits behind other connections' whole bursts.
        this.computeSlots = new Semaphore(computeConcurrency, true);
        this.computeConcurrency = computeConcurrency;
        this.memoryBudget = memoryBudgetBytes;
    }

    /**
     * Waits up to {@code maxWait} for a compute slot.
     *
     * @return true if a slot was granted (give it back with {@link #releaseCompute()})
     */
    public boolean tryAcquireCompute(Duration maxWait) {
        try {
            return computeSlots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void releaseCompute() {
        computeSlots.release();
    }

    /**
     * Reserves {@code bytes} of the memory budget if that many are free.
     *
     * @return true if reserved (give them back with {@link #releaseMemory(long)})
     */
    public boolean tryReserveMemory(long bytes) {
        while (true) {
            long held = memoryInFlight.get();
            if (held + bytes > memoryBudget && held > 0) {
                return false;
            }
            // An empty budget admits one request even beyond its size: the request limits bound
            // it, and refusing it would make it impossible at any load.
            if (memoryInFlight.compareAndSet(held, held + bytes)) {
                return true;
            }
        }
    }

    /** Counts bytes already allocated (an answer built), whatever the budget says. */
    public void forceReserveMemory(long bytes) {
        memoryInFlight.addAndGet(bytes);
    }

    public void releaseMemory(long bytes) {
        memoryInFlight.addAndGet(-bytes);
    }

    /** Bytes held by admitted requests now. */
    public long memoryInFlight() {
        return memoryInFlight.get();
    }

    public long memoryBudget() {
        return memoryBudget;
    }

    /** Requests computing now. */
    public int computing() {
        return computeConcurrency - computeSlots.availablePermits();
    }

    /** Requests waiting for a compute slot now (an estimate, as {@link Semaphore#getQueueLength()}). */
    public int waiting() {
        return computeSlots.getQueueLength();
    }

    public int computeConcurrency() {
        return computeConcurrency;
    }
}
