package dev.activationlab.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of the in-flight memory budget held by one request (its body, the numbers parsed and
 * computed, its answer), given back once, whichever of the request's ends comes first.
 */
final class MemoryReservation {

    private final WorkAdmission admission;
    private final AtomicLong held = new AtomicLong();

    MemoryReservation(WorkAdmission admission) {
        this.admission = admission;
    }

    /** Reserves {@code bytes} more if the budget has them free; false (and nothing held) if not. */
    boolean reserve(long bytes) {
        if (!admission.tryReserveMemory(bytes)) {
            return false;
        }
        held.addAndGet(bytes);
        return true;
    }

    /** Counts bytes the admission has already reserved for this request (a granted claim). */
    void granted(long bytes) {
        held.addAndGet(bytes);
    }

    /** Counts bytes already allocated (an answer built), over the budget if need be. */
    void force(long bytes) {
        admission.forceReserveMemory(bytes);
        held.addAndGet(bytes);
    }

    /**
     * Holds exactly {@code bytes} from now on: gives back what is held beyond them (to the
     * requests waiting for memory), or counts what is missing over the budget if need be, as
     * {@link #force(long)}; for a request whose answer is built and whose other numbers are
     * garbage.
     */
    void holdExactly(long bytes) {
        long before = held.getAndSet(bytes);
        if (bytes > before) {
            admission.forceReserveMemory(bytes - before);
        } else if (bytes < before) {
            admission.releaseMemory(before - bytes);
        }
    }

    long held() {
        return held.get();
    }

    /** Gives back everything held; later calls give back nothing. */
    void releaseAll() {
        long bytes = held.getAndSet(0);
        if (bytes > 0) {
            admission.releaseMemory(bytes);
        }
    }
}
