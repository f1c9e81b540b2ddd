package dev.activationlab.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resources every request competes for: compute slots (bounded concurrency, granted first
 * come, first served), of which heavy requests (large bodies, long computations) may hold all but
 * one, so that small requests never wait behind them; and a byte budget for large bodies and
 * answers in flight.
 *
 * <p>Thread-safe. The filter that applies it is {@link AdmissionFilter}.
 */
public final class WorkAdmission {

    private final Semaphore computeSlots;
    private final Semaphore heavySlots;
    private final int computeConcurrency;
    private final long memoryBudget;
    private final AtomicLong memoryInFlight = new AtomicLong();
    /** Notified whenever memory is given back, for the requests waiting for it. */
    private final Object memoryReleased = new Object();

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
        this.heavySlots = new Semaphore(Math.max(1, computeConcurrency - 1), true);
        this.computeConcurrency = computeConcurrency;
        this.memoryBudget = memoryBudgetBytes;
    }

    /**
     * Waits up to {@code maxWait} for a compute slot.
     *
     * @return true if a slot was granted (give it back with {@link #releaseCompute()})
     */
    public boolean tryAcquireCompute(Duration maxWait) {
        return acquire(computeSlots, maxWait.toNanos());
    }

    public void releaseCompute() {
        computeSlots.release();
    }

    /**
     * Waits up to {@code maxWait} for a heavy request's compute slot: one of the heavy lane's,
     * then one of the compute slots.
     *
     * @return true if both were granted (give them back with {@link #releaseHeavyCompute()})
     */
    public boolean tryAcquireHeavyCompute(Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        if (!acquire(heavySlots, maxWait.toNanos())) {
            return false;
        }
        if (!acquire(computeSlots, deadline - System.nanoTime())) {
            heavySlots.release();
            return false;
        }
        return true;
    }

    public void releaseHeavyCompute() {
        computeSlots.release();
        heavySlots.release();
    }

    private static boolean acquire(Semaphore slots, long nanos) {
        try {
            return slots.tryAcquire(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Reserves {@code bytes} of the memory budget, waiting up to {@code maxWait} for them to be
     * given back by others.
     *
     * @return true if reserved (give them back with {@link #releaseMemory(long)})
     */
    public boolean tryReserveMemory(long bytes, Duration maxWait) {
        if (tryReserveMemory(bytes)) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (memoryReleased) {
            while (true) {
                if (tryReserveMemory(bytes)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(memoryReleased, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
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
        synchronized (memoryReleased) {
            memoryReleased.notifyAll();
        }
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
