package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs where a textbook formula loses most of its digits and the golden file has no case:
 * next to the zero of f' (gelu, gelu_tanh, silu, mish), deep in an exponential tail, with a
 * product beta·x or quotient x/alpha that is not exact, tanhshrink near 0 and around the switch
 * from its series, and the hard functions next to −3 and −1.5. Expected values: mpmath at 100
 * digits from the formulas of API.md, rounded once; required here to 10^−14 relative (about 45
 * ulps), far inside the contract's 10^−12.
 */
class NumericalPrecisionTest {

    private static final ActivationRegistry REGISTRY =
            new ActivationRegistry(ActivationCatalogue.all());

    @ParameterizedTest(name = "{0}({1}) at {2}")
    @CsvSource({
            "gelu, , -0.7517, -0.16997120567254156, 3.94956079812864e-05",
            "gelu, , -0.75179152, -0.16997120747990366, 2.025244854460504e-09",
            "gelu_tanh, , -0.75246, -0.17004075057081885, 6.120602785069095e-07",
            "gelu_tanh, , -0.7524614, -0.17004075057125395, 9.499367618262958e-09",
            "silu, , -1.27846, -0.2784645427588263, 9.89469564521912e-07",
            "silu, , -1.2784645, -0.2784645427610736, 9.313862713250456e-09",
            "mish, , -1.19243, -0.30884341301705354, 3.2421267998925803e-07",
            "mish, , -1.1924312, -0.3088434130172504, 3.874881234522528e-09",
            "celu, alpha=-1.5, -800.0, -6.306885416319034e+231, 4.204590277546023e+231",
            "softplus, beta=3.0;threshold=20.0, -200.1, 6.544873528325485e-262, 1.9634620584976454e-261",
            "softplus, beta=0.7;threshold=20.0, 6.5, 6.515016802457463, 0.9895432937680819",
            "elu, alpha=0.3, -700.0, -0.3, 2.9579029631279313e-305",
            "gelu, , -37.5, -1.7270073785932332e-306, -6.476271143055812e-305",
            "gelu_tanh, , -20.0, -3.3754509563109673e-261, -2.9424328724945027e-259",
            "tanhshrink, , 0.3, 0.008687387548409094, 0.08486303817337079",
            "tanhshrink, , 0.59, 0.06010439247247057, 0.2807893548769695",
            "tanhshrink, , 0.61, 0.06587290114643252, 0.2960742997068",
            "tanhshrink, , -1e-05, -3.333333333200001e-16, 9.999999999333335e-11",
            "hard_sigmoid, , -2.9999999999999996, 7.401486830834377e-17, 0.16666666666666666",
            "hard_swish, , -1.4999999999999998, -0.375, 7.401486830834377e-17"
    })
    void valueAndDerivativeShouldKeepFullRelativePrecision(String name, String params, double x, double value,
                                                          double derivative) {
        Map<String, Double> requested = new LinkedHashMap<>();
        if (params != null) {
            for (String pair : params.split(";")) {
                String[] kv = pair.split("=");
                requested.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        ScalarFunction f = REGISTRY.bindScalar(name, requested).function();
        assertThat(f.value(x)).isCloseTo(value, within(1e-14 * Math.abs(value)));
        assertThat(f.derivative(x)).isCloseTo(derivative, within(1e-14 * Math.abs(derivative)));
    }

    /**
     * tanh′ = sech² x where cosh² x overflows (|x| ≳ 355) and the true value is a subnormal that is not 0
     * up to |x| ≈ 373.2. Expected: mpmath 1.3.0 at 60 digits, sech(mpf(x))**2, rounded to the nearest double
     * by float(); required to 2 ulps, or to one step of the subnormal grid (4.9e−324) below the normal
     * range, where a double has fewer digits.
     */
    @ParameterizedTest(name = "tanh′({0})")
    @CsvSource({
            "20.5, 6.251528757339955e-18",
            "100, 5.53558610694695e-87",
            "300, 1.0601586212017243e-260",
            "354, 1.3230212014553631e-307",
            "355, 1.790514490270052e-308",
            "356.5, 8.9144467340726e-310",
            "360, 8.12892320967e-313",
            "365, 3.6905256e-317",
            "370, 1.675e-321",
            "371, 2.27e-322",
            "372, 3e-323",
            "372.5, 1e-323",
            "373, 5e-324",
            "373.2, 5e-324",
            "373.5, 0.0",
            "374, 0.0"
    })
    void tanhDerivativeShouldFollowSechSquaredIntoTheSubnormals(double x, double expected) {
        ScalarFunction tanh = new Tanh();
        double tolerance = Math.max(2 * Math.ulp(expected), Double.MIN_VALUE);

        assertThat(tanh.derivative(x)).isCloseTo(expected, within(tolerance));
        assertThat(tanh.derivative(-x)).isCloseTo(expected, within(tolerance));
        if (expected > 0) {
            assertThat(tanh.derivative(x)).isPositive();
        }
    }

    /**
     * ln|gelu_tanh′(x)| far in the negative tail, where 2u = 2√(2/π)(x + 0.044715x³) ≈ −7.1e307 and below.
     * Expected: mpmath 1.3.0 at 60 digits, ln σ(2u) + ln|1 + 2x·u′·σ(−2u)| with u′ = √(2/π)(1 + 3·0.044715x²)
     * and 0.044715 exact, converted by float(); −∞ where the true value is below −1.797…e308 (at −1.37e103:
     * −1.8348e308). Required to 10^−14 relative.
     */
    @ParameterizedTest(name = "ln|gelu_tanh′({0})|")
    @CsvSource({
            "-2e6, -5.708385301839935e+17",
            "-1e50, -7.135481627260025e+148",
            "-1e100, -7.135481627260025e+298",
            "-1e103, -7.135481627260025e+307",
            "-1.2e103, -1.2330112251905322e+308",
            "-1.3e103, -1.5676653135090274e+308",
            "-1.35e103, -1.7555960608669884e+308",
            "-1.37e103, -Infinity",
            "-1.4e103, -Infinity",
            "-1e104, -Infinity",
            "-1e200, -Infinity",
            "-1.7976931348623157e308, -Infinity"
    })
    void geluTanhLogDerivativeShouldStayANumberInTheFarTail(double x, double expected) {
        double actual = new GeluTanh().logAbsDerivative(x);

        if (Double.isInfinite(expected)) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-14 * Math.abs(expected)));
        }
    }
}
