package dev.activationlab.activation;

import java.util.List;

/**
 * The continuously differentiable exponential linear unit
 * max(0, x) + min(0, alpha·(e^(x/alpha) − 1)), as {@code torch.nn.functional.celu}; alpha must
 * not be 0.
 *
 * <p>For either sign of alpha this is x for x &gt; 0, else alpha·expm1(x/alpha), computed with
 * {@code expm1} for full relative precision near 0 (and, for alpha &lt; 0, with the rounding of
 * x/alpha corrected where e^(x/alpha) grows). f'(x) = 1 for x &gt; 0, else e^(x/alpha)
 * (1 at x = 0, as PyTorch's autograd), where the rounding of the quotient x/alpha is corrected
 * with its exact remainder, so that e^(x/alpha) keeps full precision for large |x/alpha|.
 * ln f'(x) = x/alpha on the negative side. With alpha &lt; 0, e^(x/alpha) grows without bound
 * as x → −∞ (f overflows below about 709·alpha) and sup |f'| is infinite.
 *
 * <p>Source: Barron (2017), Continuously differentiable exponential linear units, arXiv:1704.07483.
 */
public final class Celu extends ScalarActivation {

    public Celu() {
        super(new ActivationDescriptor(
                "celu",
                List.of(),
                "CELU (continuously differentiable ELU)",
                "max(0, x) + min(0, alpha·(e^(x/alpha) − 1))",
                "1 if x > 0, else e^(x/alpha) (1 at x = 0)",
                List.of(
                        Parameter.unbounded("alpha", 1.0, "Scale of the negative part (not 0): f tends to −alpha as x → −∞.")),
                "(−1, ∞); (−alpha, ∞) for alpha > 0",
                new Traits(true, true, true, Traits.Saturation.NEGATIVE),
                "torch.nn.functional.celu; Barron (2017), Continuously differentiable exponential linear units, "
                        + "arXiv:1704.07483"));
    }

    @Override
    public void checkParameters(Parameters parameters) {
        if (parameters.get("alpha") == 0) {
            throw new InvalidParameterException("alpha",
                    "Parameter 'alpha' of celu must not be 0: the function divides by it.");
        }
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return new CeluFunction(parameters.get("alpha"));
    }

    /** celu with alpha fixed. */
    private record CeluFunction(double alpha) implements ScalarFunction {

        @Override
        public double value(double x) {
            if (x > 0) {
                return x;
            }
            double q = x / alpha;
            if (q <= 1) {
                // An error of δ in q changes expm1(q) by at most about 1.6δ/|q| relatively here.
                return alpha * Math.expm1(q);
            }
            // alpha < 0 and x/alpha > 1: e^q grows, and the rounding of q must be corrected.
            double e = Math.exp(q);
            if (!Double.isFinite(e)) {
                return alpha * e;
            }
            return alpha * (Math.expm1(q) + e * (Math.fma(-q, alpha, x) / alpha));
        }

        @Override
        public double derivative(double x) {
            if (x > 0) {
                return 1.0;
            }
            double q = x / alpha;
            double e = Math.exp(q);
            if (e == 0 || !Double.isFinite(e)) {
                return e;
            }
            // x/alpha = q + r exactly, with r = (x − q·alpha)/alpha; e^(q + r) ≈ e^q·(1 + r).
            double r = Math.fma(-q, alpha, x) / alpha;
            return e + e * r;
        }

        @Override
        public double logAbsDerivative(double x) {
            return x > 0 ? 0.0 : x / alpha;
        }

        @Override
        public double maxAbsDerivative() {
            // e^(x/alpha) ≤ 1 on x ≤ 0 for alpha > 0; unbounded for alpha < 0.
            return alpha > 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
    }
}
