package dev.activationlab.activation;

import java.util.List;
import java.util.Map;

/**
 * The parametric ReLU: x for x &gt; 0, else alpha·x, with a learnable slope alpha, as
 * {@code torch.nn.PReLU} with one shared weight ({@code torch.nn.functional.prelu}).
 *
 * <p>f'(x) = 1 for x &gt; 0, else alpha (alpha at x = 0, as PyTorch's autograd). The gradient
 * with respect to the weight is ∂y_i/∂alpha = 0 for x_i &gt; 0, else x_i; PyTorch sums these
 * over the elements into the gradient of its single weight.
 *
 * <p>Source: He, Zhang, Ren &amp; Sun (2015), Delving deep into rectifiers: surpassing human-level
 * performance on ImageNet classification, ICCV.
 */
public final class Prelu extends ScalarActivation implements ParameterGradients {

    public Prelu() {
        super(new ActivationDescriptor(
                "prelu",
                List.of(),
                "PReLU (parametric ReLU)",
                "x if x > 0, else alpha·x (alpha learnable)",
                "1 if x > 0, else alpha (alpha at x = 0); ∂f/∂alpha = 0 if x > 0, else x",
                List.of(
                        Parameter.unbounded("alpha", 0.25, "Learnable slope for x ≤ 0 (PyTorch's initial weight 0.25).")),
                "(−∞, ∞)",
                new Traits(true, true, false, Traits.Saturation.NONE),
                "torch.nn.PReLU (torch.nn.functional.prelu); He, Zhang, Ren & Sun (2015), Delving deep into "
                        + "rectifiers: surpassing human-level performance on ImageNet classification, ICCV"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return LeakyRelu.withNegativeSlope(parameters.get("alpha"));
    }

    /**
     * ∂y_i/∂alpha: 0 where x_i &gt; 0, else x_i.
     *
     * @param x pre-activations, length n
     * @return {@code {"alpha": array of length n}}
     */
    @Override
    public Map<String, double[]> parameterGradients(double[] x, Parameters parameters) {
        double[] alphaGradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            alphaGradient[i] = x[i] > 0 ? 0.0 : x[i];
        }
        return Map.of("alpha", alphaGradient);
    }
}
