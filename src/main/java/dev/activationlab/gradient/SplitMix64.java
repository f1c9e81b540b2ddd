package dev.activationlab.gradient;

/**
 * A seeded pseudo-random generator whose every output is fixed by this class alone, so that a
 * simulation gives the same numbers on any JVM: SplitMix64 (Steele, Lea &amp; Flood (2014), Fast
 * splittable pseudorandom number generators, OOPSLA; the algorithm behind
 * {@code java.util.SplittableRandom}) for 64-bit words, 53-bit uniform doubles, and standard
 * normal deviates by Marsaglia's polar method (Marsaglia &amp; Bray (1964), A convenient method for
 * generating normal variables, SIAM Review 6(3)) with {@link StrictMath} for the logarithm.
 *
 * <p>Not thread-safe; one instance per simulation.
 */
public final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    /** @param seed the whole state: the same seed gives the same sequence on any JVM */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 uniformly distributed bits. */
    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform on [0, 1), a multiple of 2^−53. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on [−bound, bound). */
    public double nextUniform(double bound) {
        return bound * (2.0 * nextDouble() - 1.0);
    }

    /** Standard normal: mean 0, variance 1. Deviates come in pairs; the second is kept for the next call. */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double scale = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spareGaussian = v * scale;
        hasSpare = true;
        return u * scale;
    }

    /** Fills {@code out} with standard normal deviates, in index order. */
    void fillGaussian(double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = nextGaussian();
        }
    }
}
