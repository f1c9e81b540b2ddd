package dev.activationlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.activationlab.TestActivations;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LogicGatesTest {

    private final Map<String, LogicGates.Gate> gates = LogicGates.all(TestActivations.bind("step")).stream()
            .collect(Collectors.toMap(LogicGates.Gate::name, Function.identity()));

    private List<Double> outputs(String gate) {
        return gates.get(gate).truthTable().stream().map(LogicGates.TruthRow::output).toList();
    }

    @Test
    void allShouldListAndNandOrXorInThatOrder() {
        assertThat(LogicGates.all(TestActivations.bind("step"))).extracting(LogicGates.Gate::name)
                .containsExactly("AND", "NAND", "OR", "XOR");
    }

    @Test
    void truthTablesShouldRunOverTheFourBinaryInputsInOrder() {
        assertThat(gates.get("XOR").truthTable()).extracting(LogicGates.TruthRow::inputs)
                .containsExactly(new double[] {0, 0}, new double[] {0, 1}, new double[] {1, 0}, new double[] {1, 1});
    }

    @Test
    void andShouldFireOnlyForOneOne() {
        assertThat(outputs("AND")).containsExactly(0.0, 0.0, 0.0, 1.0);
    }

    @Test
    void nandShouldFireExceptForOneOne() {
        assertThat(outputs("NAND")).containsExactly(1.0, 1.0, 1.0, 0.0);
    }

    @Test
    void orShouldFireForAnyOne() {
        assertThat(outputs("OR")).containsExactly(0.0, 1.0, 1.0, 1.0);
    }

    @Test
    void xorShouldFireForExactlyOneOne() {
        assertThat(outputs("XOR")).containsExactly(0.0, 1.0, 1.0, 0.0);
    }

    @Test
    void singleGatesShouldBePerceptronsWithTheContractWeights() {
        Perceptron and = ((LogicGates.PerceptronGate) gates.get("AND")).perceptron();
        Perceptron nand = ((LogicGates.PerceptronGate) gates.get("NAND")).perceptron();
        Perceptron or = ((LogicGates.PerceptronGate) gates.get("OR")).perceptron();

        assertThat(and.weights()).containsExactly(0.5, 0.5);
        assertThat(and.bias()).isEqualTo(-0.7);
        assertThat(nand.weights()).containsExactly(-0.5, -0.5);
        assertThat(nand.bias()).isEqualTo(0.7);
        assertThat(or.weights()).containsExactly(0.5, 0.5);
        assertThat(or.bias()).isEqualTo(-0.2);
        assertThat(and.activation().activation().name()).isEqualTo("step");
    }

    @Test
    void xorShouldBeNandAndOrThenAnd() {
        var network = ((LogicGates.NetworkGate) gates.get("XOR")).network();

        assertThat(network.layers()).hasSize(2);
        assertThat(network.layers().get(0).weights()).isDeepEqualTo(new double[][] {{-0.5, -0.5}, {0.5, 0.5}});
        assertThat(network.layers().get(0).biases()).containsExactly(0.7, -0.2);
        assertThat(network.layers().get(1).weights()).isDeepEqualTo(new double[][] {{0.5, 0.5}});
        assertThat(network.layers().get(1).biases()).containsExactly(-0.7);
    }
}
