package dev.activationlab.gradient;

import dev.activationlab.activation.ScalarFunction;
import java.util.List;

/**
 * A seeded Monte-Carlo experiment on a deep fully connected network, after Glorot &amp; Bengio
 * (2010), Understanding the difficulty of training deep feedforward neural networks, AISTATS:
 * L layers of {@code width} units, h_ℓ = f(z_ℓ) with z_ℓ = h_{ℓ−1}·W_ℓᵀ (W_ℓ width × width, out × in
 * as {@code nn.Linear.weight}; biases 0), one forward and one backward pass of a batch, and per
 * layer the statistics that show saturation and vanishing or exploding gradients.
 *
 * <p>The loss is L = Σ_{b,j} g_{bj}·h_{L,bj} for an upstream gradient g, so ∂L/∂h_L = g; then
 * δ_ℓ = ∂L/∂h_ℓ ⊙ f'(z_ℓ), ∂L/∂W_ℓ = δ_ℓᵀ·h_{ℓ−1} (summed over the batch, as PyTorch's autograd) and
 * ∂L/∂h_{ℓ−1} = δ_ℓ·W_ℓ.
 *
 * <p>Reproducibility: one {@link SplitMix64} generator seeded by {@code seed} draws, in this order,
 * the batchSize × width standard-normal inputs, the weights of layers 1 … L (each row-major, out ×
 * in) and the batchSize × width standard-normal upstream gradient. All loops run in a fixed order
 * on one thread, so the same setup gives the same doubles on the same JVM.
 *
 * <p>Costs: (3L − 1) matrix products of 2·batchSize·width² floating-point operations each
 * ({@link #matrixProductFlops}), and {@link #numbersHeld} doubles of memory; the caller bounds both
 * before calling.
 */
public final class DeepNetworkSimulation {

    /** A unit is saturated when |f'(z)| is below this share of sup |f'| (of {@link #UNBOUNDED_SCALE} if that is infinite). */
    public static final double SATURATION_SHARE = 0.01;

    /**
     * The scale of |f'| for saturation when sup |f'| is infinite (celu with a negative alpha): 1,
     * the slope of the identity, so that |f'(z)| &lt; 0.01 still means a unit passes on almost
     * nothing. Taking the infinite supremum itself would call every unit saturated.
     */
    public static final double UNBOUNDED_SCALE = 1.0;

    private DeepNetworkSimulation() {
    }

    /** layers · width² · batchSize, saturating at {@link Long#MAX_VALUE}: the budgeted work. */
    public static long work(long layers, long width, long batchSize) {
        return saturatingProduct(layers, width, width, batchSize);
    }

    /**
     * Doubles held at once: the weights and one width × width scratch matrix, (L + 1)·width², plus the
     * L + 1 activations (the inputs included), the L derivatives, the pre-activation buffer and two
     * gradient buffers of batchSize × width each, (2L + 4)·batchSize·width; saturating at
     * {@link Long#MAX_VALUE}.
     */
    public static long numbersHeld(long layers, long width, long batchSize) {
        long matrices = saturatingProduct(saturatingSum(layers, 1), width, width);
        long batches = saturatingProduct(saturatingSum(saturatingProduct(2, layers), 4), batchSize, width);
        return saturatingSum(matrices, batches);
    }

    /** Floating-point operations of the matrix products: (3L − 1) products of 2·batchSize·width² each. */
    public static long matrixProductFlops(long layers, long width, long batchSize) {
        return saturatingProduct(saturatingSum(saturatingProduct(3, layers), -1), 2, batchSize, width, width);
    }

    /**
     * Runs the forward and the backward pass.
     *
     * @param f     a scalar activation with its parameters bound
     * @param setup the network, batch, initialisation and seed
     * @return L entries, layer 1 first
     * @throws IllegalArgumentException     if batchSize·width or width² exceeds the size of a Java array
     * @throws SimulationOverflowException if the activations or gradients of a layer are not finite
     */
    public static SimulationResult run(ScalarFunction f, SimulationSetup setup) {
        int layers = setup.layers();
        int width = setup.width();
        int batch = setup.batchSize();
        int units;
        int matrix;
        try {
            units = Math.multiplyExact(batch, width);
            matrix = Math.multiplyExact(width, width);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("batchSize·width and width² must fit in an array", e);
        }

        SplitMix64 random = new SplitMix64(setup.seed());
        double[][] activations = new double[layers + 1][];
        activations[0] = new double[units];
        random.fillGaussian(activations[0]);
        double[][] weights = new double[layers][];
        for (int l = 0; l < layers; l++) {
            weights[l] = new double[matrix];
            setup.init().fill(weights[l], width, width, setup.initStd(), random);
        }
        double[] gradient = new double[units];
        random.fillGaussian(gradient);

        double saturationLimit = SATURATION_SHARE * saturationScale(f);
        double[] scratch = new double[matrix];
        double[] preActivation = new double[units];
        double[][] derivatives = new double[layers][];
        double[][] forward = new double[layers][];   // mean, std, saturated, dead

        for (int l = 0; l < layers; l++) {
            MatrixProducts.transpose(weights[l], width, width, scratch);
            MatrixProducts.multiply(activations[l], scratch, preActivation, batch, width, width);
            derivatives[l] = new double[units];
            f.derivatives(preActivation, derivatives[l]);
            long saturated = 0;
            long dead = 0;
            for (int u = 0; u < units; u++) {
                double d = Math.abs(derivatives[l][u]);
                if (d == 0.0) {
                    saturated++;
                    // An f' that only underflows (sigmoid at −800) is tiny, not zero: not a dead unit.
                    if (f.logAbsDerivative(preActivation[u]) == Double.NEGATIVE_INFINITY) {
                        dead++;
                    }
                } else if (d < saturationLimit) {
                    saturated++;
                }
            }
            activations[l + 1] = new double[units];
            f.values(preActivation, activations[l + 1]);
            double mean = mean(activations[l + 1]);
            double std = rootMeanSquare(activations[l + 1], mean).value();
            if (!Double.isFinite(mean) || !Double.isFinite(std)) {
                throw new SimulationOverflowException(l + 1, "activations");
            }
            forward[l] = new double[] {mean, std, (double) saturated / units, (double) dead / units};
        }

        LayerStatistics[] statistics = new LayerStatistics[layers];
        double[] nextGradient = new double[units];
        for (int l = layers - 1; l >= 0; l--) {
            RootMeanSquare activationGradient = rootMeanSquare(gradient, 0.0);
            double[] d = derivatives[l];
            for (int u = 0; u < units; u++) {
                gradient[u] *= d[u];                                         // δ_ℓ
            }
            MatrixProducts.multiplyTransposedLeft(gradient, activations[l], scratch, batch, width, width);
            RootMeanSquare weightGradient = rootMeanSquare(scratch, 0.0);
            if (!activationGradient.isFinite() || !weightGradient.isFinite()) {
                throw new SimulationOverflowException(l + 1, "gradients");
            }
            statistics[l] = new LayerStatistics(l + 1, forward[l][0], forward[l][1], forward[l][2], forward[l][3],
                    activationGradient.value(), activationGradient.log10(),
                    weightGradient.value(), weightGradient.log10());
            if (l > 0) {
                MatrixProducts.multiply(gradient, weights[l], nextGradient, batch, width, width);
                double[] swap = gradient;
                gradient = nextGradient;
                nextGradient = swap;
            }
        }
        return new SimulationResult(List.of(statistics));
    }

    /** sup |f'|, or {@link #UNBOUNDED_SCALE} where it is infinite. */
    public static double saturationScale(ScalarFunction f) {
        double supremum = f.maxAbsDerivative();
        return Double.isFinite(supremum) ? supremum : UNBOUNDED_SCALE;
    }

    private static double mean(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static RootMeanSquare rootMeanSquare(double[] values, double centre) {
        return rootMeanSquare(new double[][] {values}, centre);
    }

    /**
     * √(mean of v²) over every entry of {@code rows} (e.g. a layer's out × in weight gradients): the
     * plain sum of squares, as {@code g.pow(2).mean().sqrt()} in PyTorch, when it neither overflows
     * nor loses its precision to underflow; else scaled by the largest |v|, so that the result is
     * finite whenever every entry is.
     *
     * @param rows at least one entry in all
     */
    public static double rootMeanSquare(double[][] rows) {
        double sum = 0.0;
        long count = 0;
        boolean allZero = true;
        for (double[] row : rows) {
            for (double v : row) {
                sum += v * v;
                allZero &= v == 0.0;
            }
            count += row.length;
        }
        if (Double.isFinite(sum) && (sum >= Double.MIN_NORMAL * 0x1p52 || allZero)) {
            return Math.sqrt(sum / count);
        }
        return rootMeanSquare(rows, 0.0).value();
    }

    /** √(mean of (v − centre)²), scaled by the largest |v − centre| so that squares cannot overflow or underflow. */
    private static RootMeanSquare rootMeanSquare(double[][] rows, double centre) {
        double largest = 0.0;
        long count = 0;
        for (double[] row : rows) {
            for (double v : row) {
                largest = Math.max(largest, Math.abs(v - centre));
            }
            count += row.length;
        }
        if (largest == 0.0 || !Double.isFinite(largest)) {
            return new RootMeanSquare(largest, largest == 0.0 ? null : largest);
        }
        double inverse = 1.0 / largest;
        double sum = 0.0;
        for (double[] row : rows) {
            for (double v : row) {
                double s = (v - centre) * inverse;
                sum += s * s;
            }
        }
        double meanSquare = sum / count;
        return new RootMeanSquare(largest * Math.sqrt(meanSquare),
                Math.log10(largest) + 0.5 * Math.log10(meanSquare));
    }

    private record RootMeanSquare(double value, Double log10) {
        boolean isFinite() {
            return Double.isFinite(value) && (log10 == null || Double.isFinite(log10));
        }
    }

    /**
     * The product of work factors, saturating at {@link Long#MAX_VALUE} so that a budget check cannot
     * be fooled by overflow; 0 if any factor is 0 or negative.
     */
    public static long saturatingProduct(long... factors) {
        long product = 1;
        for (long f : factors) {
            if (f <= 0) {
                return 0;
            }
            if (product > Long.MAX_VALUE / f) {
                return Long.MAX_VALUE;
            }
            product *= f;
        }
        return product;
    }

    private static long saturatingSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
