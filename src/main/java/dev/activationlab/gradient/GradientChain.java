package dev.activationlab.gradient;

import dev.activationlab.activation.ScalarFunction;
import java.util.List;

/**
 * The backward pass through a scalar chain of N layers: layer k computes h_k = f(z_k) with
 * z_k = w_k·h_{k−1} (+ a bias), so the gradient reaching layer k from an upstream gradient of 1 is
 * g_k = Π_{i=k..N} w_i·f'(z_i). This is the one-unit picture of the vanishing-gradient problem of
 * Hochreiter (1991) and Bengio, Simard &amp; Frasconi (1994): sigmoid at z = 0 contributes 0.25 per
 * layer, so twenty layers scale the gradient by 0.25^20 ≈ 9.1·10^−13.
 *
 * <p>The product is accumulated from the output side as a {@link ScaledProduct}, so it rounds like
 * a plain double product where that is representable and neither underflows nor overflows on the
 * way; {@code log10 |g_k|} is summed (compensated, Neumaier 1974) from each factor's own
 * log10 |w_i·f'(z_i)|, with ln f'(z) taken from {@link ScalarFunction#logAbsDerivative(double)} where
 * f'(z) itself underflows (log10 σ'(−800) = −347.43…). Both stay exact far beyond the double range:
 * 0.25^600 is 0 in double, yet its log10 −361.23… comes back.
 */
public final class GradientChain {

    /**
     * The default below which |g| counts as vanished, 10^−6 (a convention, not a law: a gradient a
     * millionth of the upstream one barely moves the early layers' weights). Used when a request of
     * {@code POST /gradients/chain} gives none, and by the chain plot.
     */
    public static final double DEFAULT_VANISHING_THRESHOLD = 1e-6;

    /** The default above which |g| counts as exploded, 10^6: the mirror image of {@link #DEFAULT_VANISHING_THRESHOLD}. */
    public static final double DEFAULT_EXPLODING_THRESHOLD = 1e6;

    private static final double LN_10 = Math.log(10.0);

    private GradientChain() {
    }

    /**
     * Runs the backward pass.
     *
     * @param f                  the activation with its parameters bound
     * @param preActivations     z_1 … z_N, finite, N ≥ 1
     * @param weights            w_1 … w_N, finite, same length
     * @param vanishingThreshold |g| below it counts as vanished; finite, &gt; 0
     * @param explodingThreshold |g| above it counts as exploded; finite, &gt; 0
     * @return the per-layer gradients, layer 1 first
     * @throws IllegalArgumentException     if the arrays are empty, of different lengths or not finite, or
     *                                      a threshold is not finite and positive
     * @throws NonFiniteDerivativeException if f'(z_k) is not finite at some layer
     */
    public static ChainResult backward(ScalarFunction f, double[] preActivations, double[] weights,
            double vanishingThreshold, double explodingThreshold) {
        int n = preActivations.length;
        if (n == 0 || weights.length != n) {
            throw new IllegalArgumentException("need N >= 1 pre-activations and as many weights; got "
                    + n + " and " + weights.length);
        }
        requirePositive(vanishingThreshold, "vanishingThreshold");
        requirePositive(explodingThreshold, "explodingThreshold");

        ChainLayer[] layers = new ChainLayer[n];
        ScaledProduct product = new ScaledProduct();
        double logSum = 0.0;
        double logCompensation = 0.0;
        boolean logDefined = true;
        Integer vanishedAfter = null;
        Integer explodedAfter = null;

        for (int k = n - 1; k >= 0; k--) {
            double z = preActivations[k];
            double w = weights[k];
            if (!Double.isFinite(z) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("layer " + (k + 1) + ": z and w must be finite");
            }
            double derivative = f.derivative(z);
            if (!Double.isFinite(derivative)) {
                throw new NonFiniteDerivativeException(k + 1, z, derivative);
            }
            double factorLog10 = multiplyFactor(product, f, z, w, derivative, k + 1);
            if (Double.isInfinite(factorLog10)) {
                logDefined = false;                         // an exact zero from here down
            } else if (logDefined) {
                double t = logSum + factorLog10;             // Neumaier's compensated sum
                if (!Double.isFinite(t)) {
                    throw new GradientOutOfRangeException(k + 1);
                }
                logCompensation += Math.abs(logSum) >= Math.abs(factorLog10)
                        ? (logSum - t) + factorLog10
                        : (factorLog10 - t) + logSum;
                logSum = t;
            }
            double g = product.toDouble();
            layers[k] = new ChainLayer(k + 1, derivative, Double.isFinite(g) ? g : null,
                    logDefined ? logSum + logCompensation : null);

            int counted = n - k;
            if (vanishedAfter == null && product.absBelow(vanishingThreshold)) {
                vanishedAfter = counted;
            }
            if (explodedAfter == null && product.absAbove(explodingThreshold)) {
                explodedAfter = counted;
            }
        }
        ChainLayer first = layers[0];
        return new ChainResult(List.of(layers), first.gradient(), first.log10Gradient(),
                vanishedAfter, explodedAfter);
    }

    /**
     * Multiplies the running product by w·f'(z) and returns log10 |w·f'(z)| (−∞ for an exact zero).
     * Where w·f'(z) is a normal double it is used as such, as a plain product would; otherwise the
     * factors enter one by one, f'(z) through its logarithm where it underflows.
     */
    private static double multiplyFactor(ScaledProduct product, ScalarFunction f, double z, double w,
            double derivative, int layer) {
        if (w == 0.0) {
            product.multiply(w * Math.copySign(1.0, derivative));
            return Double.NEGATIVE_INFINITY;
        }
        double factor = w * derivative;
        if (Double.isFinite(factor) && Math.abs(factor) >= Double.MIN_NORMAL
                && Math.abs(derivative) >= Double.MIN_NORMAL) {
            product.multiply(factor);
            return Math.log10(Math.abs(factor));
        }
        if (Math.abs(derivative) >= Double.MIN_NORMAL) {          // w·f' leaves the double range
            product.multiply(w);
            product.multiply(derivative);
            return Math.log10(Math.abs(w)) + Math.log10(Math.abs(derivative));
        }
        double logAbs = f.logAbsDerivative(z);                    // f'(z) is subnormal or underflows
        if (logAbs == Double.NEGATIVE_INFINITY) {
            product.multiply(Math.copySign(0.0, w) * Math.copySign(1.0, derivative));
            return Double.NEGATIVE_INFINITY;
        }
        if (!Double.isFinite(logAbs)) {
            throw new NonFiniteDerivativeException(layer, z, derivative);
        }
        product.multiply(w);
        product.multiplyByLog(Math.copySign(1.0, derivative), logAbs);
        return Math.log10(Math.abs(w)) + logAbs / LN_10;
    }

    private static void requirePositive(double value, String name) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(name + " must be finite and > 0; got " + value);
        }
    }
}
