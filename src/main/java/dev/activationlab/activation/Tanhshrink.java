package dev.activationlab.activation;

import java.util.List;

/**
 * Tanhshrink x − tanh x, as {@code torch.nn.functional.tanhshrink}.
 *
 * <p>Near 0 the difference cancels almost completely (x − tanh x ≈ x³/3), so for |x| &lt; 0.6 it is
 * summed from the Maclaurin series x³/3 − 2x⁵/15 + 17x⁷/315 − … (coefficients −2^(2n)(2^(2n) − 1)
 * B_(2n)/(2n)!, B the Bernoulli numbers, through x^47: the omitted terms are below 10^−18 of the
 * sum); beyond, x − tanh x loses at most a few bits. tanhshrink(−0.0) = −0.0.
 * f'(x) = tanh² x; ln f'(x) = 2·ln |tanh x| stays finite for tiny x where tanh² x underflows.
 * sup f' = 1 (approached as |x| → ∞).
 */
public final class Tanhshrink extends ScalarActivation implements ScalarFunction {

    /** Below this |x| the series is used. */
    private static final double SERIES_LIMIT = 0.6;

    /** Coefficients of x³, x⁵, …, x^47 in x − tanh x (mpmath, 50 digits, rounded to double). */
    private static final double[] SERIES = {
            0.3333333333333333,
            -0.13333333333333333,
            0.05396825396825397,
            -0.021869488536155203,
            0.008863235529902197,
            -0.003592128036572481,
            0.0014558343870513183,
            -0.000590027440945586,
            0.00023912911424355248,
            -9.691537956929451e-05,
            3.927832388331683e-05,
            -1.5918905069328964e-05,
            6.451689215655431e-06,
            -2.6147711512907546e-06,
            1.0597268320104654e-06,
            -4.294911078273806e-07,
            1.7406618963571648e-07,
            -7.054636946400968e-08,
            2.859136662305254e-08,
            -1.1587644432798853e-08,
            4.6962953982309016e-09,
            -1.903336833931276e-09,
            7.713933635359062e-10,
    };

    public Tanhshrink() {
        super(new ActivationDescriptor(
                "tanhshrink",
                List.of("tanh_shrink"), // Keras's name (keras.activations.tanh_shrink)
                "Tanhshrink",
                "x − tanh x",
                "tanh² x",
                List.of(),
                "(−∞, ∞)",
                new Traits(true, true, true, Traits.Saturation.NONE),
                "torch.nn.functional.tanhshrink"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        if (Math.abs(x) >= SERIES_LIMIT) {
            return x - Math.tanh(x);
        }
        double z = x * x;
        double sum = SERIES[SERIES.length - 1];
        for (int i = SERIES.length - 2; i >= 0; i--) {
            sum = SERIES[i] + z * sum;
        }
        return x * z * sum;
    }

    @Override
    public double derivative(double x) {
        double t = Math.tanh(x);
        return t * t;
    }

    @Override
    public double logAbsDerivative(double x) {
        return 2.0 * Math.log(Math.abs(Math.tanh(x)));
    }

    @Override
    public double maxAbsDerivative() {
        return 1.0;
    }
}
