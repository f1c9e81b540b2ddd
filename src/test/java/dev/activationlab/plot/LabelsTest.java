package dev.activationlab.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void functionWithoutParametersShouldBeJustItsName() {
        assertThat(Labels.function("sigmoid", Map.of())).isEqualTo("sigmoid");
    }

    @Test
    void functionShouldListParametersInTheGivenOrder() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("min", -1.0);
        parameters.put("max", 2.5);
        assertThat(Labels.function("hard_tanh", parameters)).isEqualTo("hard_tanh (min = -1, max = 2.5)");
    }

    @Test
    void numberShouldDropTrailingZeroAndWriteExponentsInLowerCase() {
        assertThat(Labels.number(1.0)).isEqualTo("1");
        assertThat(Labels.number(-0.01)).isEqualTo("-0.01");
        assertThat(Labels.number(1e-5)).isEqualTo("1e-5");
        assertThat(Labels.number(2.5e300)).isEqualTo("2.5e300");
    }

    @Test
    void powerOfTenShouldUseSuperscriptDigitsAndMinus() {
        assertThat(Labels.powerOfTen(0)).isEqualTo("10\u2070");
        assertThat(Labels.powerOfTen(-602)).isEqualTo("10\u207B\u2076\u2070\u00B2");
        assertThat(Labels.powerOfTen(13)).isEqualTo("10\u00B9\u00B3");
    }
}
