package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resolution and validation of activation parameters. */
class ParametersTest {

    private static void assertRejected(Activation activation, Map<String, Double> requested, String parameter) {
        assertThatThrownBy(() -> Parameters.resolve(activation, requested))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo(parameter))
                .hasMessageContaining(parameter);
    }

    @Test
    void resolveWhenParameterUnknownShouldNameIt() {
        assertRejected(new LeakyRelu(), Map.of("beta", 1.0), "beta");
        assertRejected(new Softplus(), Map.of("beta", 2.0, "Threshold", 1.0), "Threshold");
    }

    @Test
    void resolveWhenActivationTakesNoParametersShouldRejectAny() {
        assertRejected(new Gelu(), Map.of("alpha", 1.0), "alpha");
        assertThatThrownBy(() -> Parameters.resolve(new Softmax(), Map.of("dim", 0.0)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("takes no parameters");
    }

    @ParameterizedTest
    @CsvSource({"0.0", "-0.0", "-1.0", "-1e-300"})
    void resolveWhenSoftplusBetaNotPositiveShouldReject(double beta) {
        assertRejected(new Softplus(), Map.of("beta", beta), "beta");
    }

    @ParameterizedTest
    @CsvSource({"-0.1", "-1e-300"})
    void resolveWhenShrinkLambdaNegativeShouldReject(double lambda) {
        assertRejected(new Softshrink(), Map.of("lambda", lambda), "lambda");
        assertRejected(new Hardshrink(), Map.of("lambda", lambda), "lambda");
    }

    @Test
    void resolveWhenShrinkLambdaZeroShouldAccept() {
        assertThat(Parameters.resolve(new Softshrink(), Map.of("lambda", 0.0)).get("lambda")).isZero();
        assertThat(Parameters.resolve(new Hardshrink(), Map.of("lambda", 0.0)).get("lambda")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"0.0", "-0.0"})
    void resolveWhenCeluAlphaZeroShouldReject(double alpha) {
        assertRejected(new Celu(), Map.of("alpha", alpha), "alpha");
    }

    @Test
    void resolveWhenCeluAlphaNegativeShouldAccept() {
        assertThat(Parameters.resolve(new Celu(), Map.of("alpha", -1.5)).get("alpha")).isEqualTo(-1.5);
    }

    @ParameterizedTest
    @CsvSource({"1.0, -1.0", "0.5, 0.5", "2.0, 1.0"})
    void resolveWhenHardTanhMinNotBelowMaxShouldReject(double min, double max) {
        assertRejected(new HardTanh(), Map.of("min", min, "max", max), "min");
    }

    @Test
    void resolveWhenHardTanhMinAboveDefaultMaxShouldReject() {
        // Only min given: the check applies to the resolved set, default max included.
        assertRejected(new HardTanh(), Map.of("min", 3.0), "min");
    }

    @ParameterizedTest
    @CsvSource({"NaN", "Infinity", "-Infinity"})
    void resolveWhenValueNotFiniteShouldReject(double value) {
        assertRejected(new Elu(), Map.of("alpha", value), "alpha");
        assertRejected(new Threshold(), Map.of("value", value), "value");
    }

    @Test
    void resolveWhenValueNullShouldReject() {
        Map<String, Double> requested = new HashMap<>();
        requested.put("lambda", null);
        assertRejected(new Softshrink(), requested, "lambda");
    }

    @Test
    void resolveShouldFillDefaultsInDocumentedOrder() {
        Parameters p = Parameters.resolve(new Softplus(), Map.of("threshold", 5.0));
        assertThat(p.asMap()).containsExactly(Map.entry("beta", 1.0), Map.entry("threshold", 5.0));
        assertThat(Parameters.resolve(new Gelu(), null)).isEqualTo(Parameters.none());
        assertThat(Parameters.resolve(new Prelu(), Map.of()).asMap()).containsExactly(Map.entry("alpha", 0.25));
    }

    @Test
    void getWhenParameterUndeclaredShouldThrow() {
        Parameters p = Parameters.resolve(new Elu(), null);
        assertThatThrownBy(() -> p.get("beta")).isInstanceOf(IllegalArgumentException.class);
    }
}
