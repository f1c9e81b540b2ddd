package dev.activationlab.dataset;

import dev.activationlab.gradient.SplitMix64;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Two-dimensional classification problems in the manner of TensorFlow Playground, and the four
 * logic-gate tables. Labels are 0 and 1; in the generated problems sample i has class i mod 2,
 * and every draw comes from one {@link SplitMix64} seeded by the request's seed, in sample order.
 * {@code noise} (0 to 1) is the share of the problem's scale added to each coordinate as Gaussian
 * jitter, drawn after the sample's point.
 */
public enum ToyDataset {

    /** Points uniform in [−5, 5]², class 1 where x1·x2 &gt; 0 (the first and third quadrants). Scale 5. */
    XOR("xor", "Points in [−5, 5]², class 1 where x1·x2 > 0 (first and third quadrants)", 5.0) {
        @Override
        double[] point(int label, SplitMix64 random) {
            double x1 = random.nextUniform(5.0);
            double x2 = Math.abs(random.nextUniform(5.0));
            // Same signs for class 1, opposite signs for class 0; zero has no quadrant, so push it off.
            double sign = (x1 >= 0) == (label == 1) ? 1.0 : -1.0;
            if (x1 == 0.0) {
                x1 = Double.MIN_NORMAL;
            }
            if (x2 == 0.0) {
                x2 = Double.MIN_NORMAL;
            }
            return new double[] {x1, sign * x2};
        }
    },

    /** Class 1 uniform in the disc of radius 2.5, class 0 on the ring from 3.5 to 5. Scale 5. */
    CIRCLE("circle", "Class 1 inside radius 2.5, class 0 on a ring from 3.5 to 5", 5.0) {
        @Override
        double[] point(int label, SplitMix64 random) {
            double angle = 2.0 * Math.PI * random.nextDouble();
            double u = random.nextDouble();
            // Uniform in area: r = √u scaled, for the disc and for the ring.
            double radius = label == 1 ? 2.5 * Math.sqrt(u) : Math.sqrt(3.5 * 3.5 + u * (5.0 * 5.0 - 3.5 * 3.5));
            return new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
    },

    /** Two Gaussian blobs of standard deviation 1: class 1 around (2, 2), class 0 around (−2, −2). Scale 4. */
    GAUSSIANS("gaussians", "Two Gaussian blobs (standard deviation 1): class 1 at (2, 2), class 0 at (−2, −2)", 4.0) {
        @Override
        double[] point(int label, SplitMix64 random) {
            double centre = label == 1 ? 2.0 : -2.0;
            return new double[] {centre + random.nextGaussian(), centre + random.nextGaussian()};
        }
    },

    /**
     * Two interleaved spirals: the k-th of m samples of a class at radius 5·k/m and angle
     * 1.75·2π·k/m, class 0 turned by π. Scale 5.
     */
    SPIRAL("spiral", "Two interleaved spirals out to radius 5, one per class", 5.0) {
        @Override
        double[] point(int label, SplitMix64 random) {
            throw new UnsupportedOperationException("spiral points depend on their index");
        }

        @Override
        double[] point(int index, int samples, int label, SplitMix64 random) {
            int perClass = (samples + 1 - label) / 2;
            double t = (double) (index / 2) / Math.max(perClass, 1);
            double radius = 5.0 * t;
            double angle = 1.75 * 2.0 * Math.PI * t + (label == 1 ? 0.0 : Math.PI);
            return new double[] {radius * Math.sin(angle), radius * Math.cos(angle)};
        }
    },

    /**
     * Two interleaved half circles of radius 2.5: class 0 the upper arc around (−1.25, 0.625),
     * class 1 the lower arc around (1.25, −0.625), angles uniform in [0, π]. Scale 2.5.
     */
    MOONS("moons", "Two interleaved half circles of radius 2.5", 2.5) {
        @Override
        double[] point(int label, SplitMix64 random) {
            double angle = Math.PI * random.nextDouble();
            if (label == 0) {
                return new double[] {2.5 * Math.cos(angle) - 1.25, 2.5 * Math.sin(angle) - 0.625};
            }
            return new double[] {1.25 - 2.5 * Math.cos(angle), 0.625 - 2.5 * Math.sin(angle)};
        }
    },

    /** The truth table of AND: inputs (0,0), (0,1), (1,0), (1,1). */
    AND("and", "The truth table of AND (4 rows, no noise)", new double[] {0, 0, 0, 1}),

    /** The truth table of OR. */
    OR("or", "The truth table of OR (4 rows, no noise)", new double[] {0, 1, 1, 1}),

    /** The truth table of NAND. */
    NAND("nand", "The truth table of NAND (4 rows, no noise)", new double[] {1, 1, 1, 0}),

    /** The truth table of XOR, which no single perceptron separates. */
    XOR_GATE("xor-gate", "The truth table of XOR (4 rows, no noise)", new double[] {0, 1, 1, 0});

    /** The four input rows of a gate table, in binary counting order. */
    private static final double[][] GATE_INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private final String id;
    private final String description;
    private final double scale;
    private final double[] gateTargets;

    ToyDataset(String id, String description, double scale) {
        this.id = id;
        this.description = description;
        this.scale = scale;
        this.gateTargets = null;
    }

    ToyDataset(String id, String description, double[] gateTargets) {
        this.id = id;
        this.description = description;
        this.scale = 0.0;
        this.gateTargets = gateTargets;
    }

    /** The name in requests, e.g. {@code xor-gate}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether this is one of the fixed four-row gate tables (no samples, noise or seed apply). */
    public boolean gate() {
        return gateTargets != null;
    }

    /** Every name, in catalogue order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ToyDataset::id).toList();
    }

    /** The dataset called {@code name}, case-insensitively, {@code _} accepted for {@code -}. */
    public static Optional<ToyDataset> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(d -> d.id.equals(key)).findFirst();
    }

    /** A point of class {@code label}, before noise. */
    double[] point(int label, SplitMix64 random) {
        throw new UnsupportedOperationException(id + " is a fixed table");
    }

    /** The point of sample {@code index} of {@code samples}, before noise. */
    double[] point(int index, int samples, int label, SplitMix64 random) {
        return point(label, random);
    }

    /**
     * Draws the problem.
     *
     * @param samples 1 … 10000 (ignored by the gate tables, which have 4)
     * @param noise   0 … 1, the share of the scale added as Gaussian jitter (ignored by the gates)
     * @param seed    seeds the generator
     * @return the inputs (samples × 2) and targets (samples × 1)
     */
    public Samples generate(int samples, double noise, long seed) {
        if (gate()) {
            double[][] inputs = new double[4][];
            double[][] targets = new double[4][];
            for (int r = 0; r < 4; r++) {
                inputs[r] = GATE_INPUTS[r].clone();
                targets[r] = new double[] {gateTargets[r]};
            }
            return new Samples(inputs, targets);
        }
        SplitMix64 random = new SplitMix64(seed);
        double[][] inputs = new double[samples][];
        double[][] targets = new double[samples][];
        for (int i = 0; i < samples; i++) {
            int label = i % 2;
            double[] p = point(i, samples, label, random);
            if (noise > 0.0) {
                p[0] += noise * scale * random.nextGaussian();
                p[1] += noise * scale * random.nextGaussian();
            }
            inputs[i] = p;
            targets[i] = new double[] {label};
        }
        return new Samples(inputs, targets);
    }

    /**
     * Rows of a dataset.
     *
     * @param inputs  n × 2 (the gate tables: 4 × 2)
     * @param targets n × 1, each 0 or 1
     */
    public record Samples(double[][] inputs, double[][] targets) {

        /**
         * Splits off the last ⌊n·testFraction⌋ rows as a test set.
         *
         * @param testFraction 0 ≤ f &lt; 1
         * @return the training rows first, then the test rows
         */
        public Samples[] split(double testFraction) {
            int n = inputs.length;
            int test = (int) Math.floor(n * testFraction);
            int train = n - test;
            return new Samples[] {
                    new Samples(Arrays.copyOfRange(inputs, 0, train), Arrays.copyOfRange(targets, 0, train)),
                    new Samples(Arrays.copyOfRange(inputs, train, n), Arrays.copyOfRange(targets, train, n))};
        }
    }
}
