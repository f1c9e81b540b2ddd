package dev.activationlab.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What requests compete for beyond a request thread: the heavy lane, a bounded number of turns
 * for requests that may compute for long (large bodies, training, simulations, plots), handed out
 * first come, first served, so that they can never occupy every request thread; compute slots,
 * one per processor, for requests that compute for a while; and a byte budget for large bodies
 * and answers in flight.
 *
 * <p>A heavy request that cannot have its turn at once leaves a {@link Turn} in the queue and gives
 * its thread back; the turn's callback runs when a turn is handed to it. A compute slot is waited
 * for on the thread (first come, first served), for at most a bound. A large request whose memory
 * is not free leaves a {@link MemoryClaim} in the queue likewise. Thread-safe.
 * The filter that applies it is {@link AdmissionFilter}.
 */
public final class WorkAdmission {

    private final int heavyConcurrency;
    private final Semaphore computeSlots;
    private final long memoryBudget;
    private final AtomicLong memoryInFlight = new AtomicLong();
    private final ArrayDeque<Turn> heavyQueue = new ArrayDeque<>();
    private final ArrayDeque<MemoryClaim> memoryQueue = new ArrayDeque<>();
    private int heavyFree;

    /**
     * @param heavyConcurrency  heavy requests allowed to compute at once, at least 1
     * @param computeSlots      compute slots, at least 1
     * @param memoryBudgetBytes bytes that admitted bodies and answers may hold together
     * @throws IllegalArgumentException if any is not positive
     */
    public WorkAdmission(int heavyConcurrency, int computeSlots, long memoryBudgetBytes) {
        if (heavyConcurrency < 1 || computeSlots < 1 || memoryBudgetBytes < 1) {
            throw new IllegalArgumentException("heavy concurrency, compute slots and memory budget must be positive");
        }
        this.heavyConcurrency = heavyConcurrency;
        this.computeSlots = new Semaphore(computeSlots, true);
        this.heavyFree = heavyConcurrency;
        this.memoryBudget = memoryBudgetBytes;
    }

    /** A heavy request's place in the queue; {@code onGranted} runs (once) when its turn comes. */
    public static final class Turn {

        private final Runnable onGranted;

        public Turn(Runnable onGranted) {
            this.onGranted = onGranted;
        }
    }

    /**
     * Takes a turn in the heavy lane at once if one is free and nobody waits for it, else queues
     * {@code turn}.
     *
     * @return true if the turn was taken now (its callback does not run); false if queued
     */
    public boolean enterHeavyOrQueue(Turn turn) {
        synchronized (heavyQueue) {
            if (heavyFree > 0 && heavyQueue.isEmpty()) {
                heavyFree--;
                return true;
            }
            heavyQueue.addLast(turn);
            return false;
        }
    }

    /**
     * Takes a queued turn out of the queue (its wait is over).
     *
     * @return true if it was still waiting; false if its turn has been granted (and must be left)
     */
    public boolean cancel(Turn turn) {
        synchronized (heavyQueue) {
            return heavyQueue.remove(turn);
        }
    }

    /**
     * Gives a heavy turn back: to the request that has waited longest, if any. A request that can
     * no longer take it (its grant fails, its connection having failed meanwhile) passes it on, so
     * that no turn is ever lost.
     */
    public void leaveHeavy() {
        while (true) {
            Turn next;
            synchronized (heavyQueue) {
                next = heavyQueue.pollFirst();
                if (next == null) {
                    heavyFree++;
                    return;
                }
            }
            try {
                next.onGranted.run();
                return;
            } catch (RuntimeException undelivered) {
                // The next request in line, or the free count, gets the turn instead.
            }
        }
    }

    /** Heavy requests computing now. */
    public int heavyComputing() {
        synchronized (heavyQueue) {
            return heavyConcurrency - heavyFree;
        }
    }

    /** Heavy requests waiting for their turn now. */
    public int heavyWaiting() {
        synchronized (heavyQueue) {
            return heavyQueue.size();
        }
    }

    public int heavyConcurrency() {
        return heavyConcurrency;
    }

    /**
     * Waits up to {@code maxWaitNanos} for a compute slot, first come, first served.
     *
     * @return true if granted (give it back with {@link #releaseComputeSlot()})
     */
    public boolean tryAcquireComputeSlot(long maxWaitNanos) {
        try {
            return computeSlots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void releaseComputeSlot() {
        computeSlots.release();
    }

    /**
     * A large request's claim on the memory budget, waiting in the queue; {@code onGranted} runs
     * (once, on the thread that freed the memory) when its bytes have been reserved for it; if it
     * throws, it must first have given them back.
     */
    public static final class MemoryClaim {

        private final long bytes;
        private final Runnable onGranted;

        public MemoryClaim(long bytes, Runnable onGranted) {
            this.bytes = bytes;
            this.onGranted = onGranted;
        }

        public long bytes() {
            return bytes;
        }
    }

    /**
     * Reserves the claim's bytes at once if they are free and no claim waits before it, else
     * queues it: claims are granted first come, first served as memory is given back, so that a
     * client whose large request was refused is not overtaken again and again by another that
     * sends its next one sooner.
     *
     * @return true if reserved now (its callback does not run); false if queued
     */
    public boolean reserveMemoryOrQueue(MemoryClaim claim) {
        synchronized (memoryQueue) {
            if (memoryQueue.isEmpty() && tryReserveMemory(claim.bytes)) {
                return true;
            }
            memoryQueue.addLast(claim);
            return false;
        }
    }

    /**
     * Takes a queued claim out of the queue (its wait is over).
     *
     * @return true if it was still waiting; false if it has been granted (its bytes are reserved)
     */
    public boolean cancel(MemoryClaim claim) {
        synchronized (memoryQueue) {
            return memoryQueue.remove(claim);
        }
    }

    /** Claims waiting for memory now. */
    public int memoryWaiting() {
        synchronized (memoryQueue) {
            return memoryQueue.size();
        }
    }

    /** Grants waiting claims in order while the first of them fits in what is free. */
    private void grantWaitingClaims() {
        List<MemoryClaim> granted = new ArrayList<>();
        synchronized (memoryQueue) {
            while (!memoryQueue.isEmpty() && tryReserveMemory(memoryQueue.peekFirst().bytes)) {
                granted.add(memoryQueue.pollFirst());
            }
        }
        for (MemoryClaim claim : granted) {
            try {
                claim.onGranted.run();
            } catch (RuntimeException undelivered) {
                // The claim's owner gives its bytes back (see MemoryClaim); the other grants go on.
            }
        }
    }

    /**
     * Reserves {@code bytes} of the memory budget if that many are free, whether or not claims
     * wait (a body that is already being read and turns out longer).
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

    /** Gives bytes back, to the claims that have waited longest if they now fit. */
    public void releaseMemory(long bytes) {
        memoryInFlight.addAndGet(-bytes);
        grantWaitingClaims();
    }

    /** Bytes held by admitted requests now. */
    public long memoryInFlight() {
        return memoryInFlight.get();
    }

    public long memoryBudget() {
        return memoryBudget;
    }
}
