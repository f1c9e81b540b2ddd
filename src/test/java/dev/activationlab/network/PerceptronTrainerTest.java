package dev.activationlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.activationlab.GoldenFile;
import dev.activationlab.TestActivations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PerceptronTrainerTest {

    private static final double[][] BINARY = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[] AND = {0, 0, 0, 1};
    private static final double[] OR = {0, 1, 1, 1};
    private static final double[] NAND = {1, 1, 1, 0};
    private static final double[] XOR = {0, 1, 1, 0};

    private final PerceptronTrainer trainer = new PerceptronTrainer(TestActivations.bind("step").function());

    private TrainingResult train(double[] targets, double learningRate, int maxEpochs) {
        return trainer.train(BINARY, targets,
                new TrainingSettings(learningRate, maxEpochs, new double[2], 0.0, false, 42));
    }

    /** Training with η = 0.1 must reproduce the golden run double for double, history included. */
    @ParameterizedTest
    @ValueSource(strings = {"train/and", "train/or", "train/nand", "train/xor"})
    void trainWithLearningRateTenthShouldMatchTheGoldenRunExactly(String id) {
        GoldenFile.Case golden = GoldenFile.load("perceptron-networks.json").get(id);
        Map<String, Object> body = golden.body();
        Map<String, Object> expected = golden.expected();

        TrainingResult result = trainer.train(GoldenFile.matrix(body.get("inputs")),
                GoldenFile.vector(body.get("targets")),
                new TrainingSettings(GoldenFile.number(body.get("learningRate")), (Integer) body.get("maxEpochs"),
                        GoldenFile.vector(body.get("initialWeights")), GoldenFile.number(body.get("initialBias")),
                        false, 42));

        assertThat(result.weights()).containsExactly(GoldenFile.vector(expected.get("weights")));
        assertThat(result.bias()).isEqualTo(GoldenFile.number(expected.get("bias")));
        assertThat(result.converged()).isEqualTo(expected.get("converged"));
        assertThat(result.epochs()).isEqualTo(expected.get("epochs"));
        List<Map<String, Object>> history = GoldenFile.objects(expected.get("history"));
        assertThat(result.history()).hasSize(history.size());
        for (int e = 0; e < history.size(); e++) {
            EpochRecord record = result.history().get(e);
            assertThat(record.epoch()).isEqualTo(history.get(e).get("epoch"));
            assertThat(record.misclassified()).as("epoch %d", e + 1).isEqualTo(history.get(e).get("misclassified"));
            assertThat(record.weights()).containsExactly(GoldenFile.vector(history.get(e).get("weights")));
            assertThat(record.bias()).isEqualTo(GoldenFile.number(history.get(e).get("bias")));
        }
    }

    @Test
    void nandWithLearningRateTenthShouldConvergeInFourEpochsBecauseTheBiasRoundsUp() {
        TrainingResult result = train(NAND, 0.1, 100);

        // 0.1 + 0.1 + 0.1 - 0.1 is 0.20000000000000004 in double, so -0.2·1 + b > 0 at (1, 0)
        assertThat(result.bias()).isEqualTo(0.20000000000000004);
        assertThat(result.weights()).containsExactly(-0.2, -0.1);
        assertThat(result.epochs()).isEqualTo(4);
        assertThat(result.converged()).isTrue();
    }

    // Expected values with η = 1 traced by hand through the rule: every number is an integer,
    // so no rounding occurs and the weighted sum at (1, 0) is exactly 0 where η = 0.1 gave > 0.

    @Test
    void andWithLearningRateOneShouldConvergeInSixEpochs() {
        TrainingResult result = train(AND, 1.0, 100);

        assertThat(result.converged()).isTrue();
        assertThat(result.epochs()).isEqualTo(6);
        assertThat(result.weights()).containsExactly(2.0, 1.0);
        assertThat(result.bias()).isEqualTo(-2.0);
        assertThat(result.history()).extracting(EpochRecord::misclassified).containsExactly(1, 3, 3, 2, 1, 0);
        assertThat(result.history()).extracting(EpochRecord::bias).containsExactly(1.0, 0.0, -1.0, -1.0, -2.0, -2.0);
        assertThat(result.history().get(3).weights()).containsExactly(2.0, 2.0);
    }

    @Test
    void orWithLearningRateOneShouldConvergeInFourEpochs() {
        TrainingResult result = train(OR, 1.0, 100);

        assertThat(result.converged()).isTrue();
        assertThat(result.epochs()).isEqualTo(4);
        assertThat(result.weights()).containsExactly(1.0, 1.0);
        assertThat(result.bias()).isEqualTo(0.0);
        assertThat(result.history()).extracting(EpochRecord::misclassified).containsExactly(1, 2, 1, 0);
        assertThat(result.history().get(0).weights()).containsExactly(0.0, 1.0);
        assertThat(result.history()).extracting(EpochRecord::bias).containsExactly(1.0, 1.0, 0.0, 0.0);
    }

    @Test
    void nandWithLearningRateOneShouldConvergeInSixEpochsNotFour() {
        TrainingResult result = train(NAND, 1.0, 100);

        assertThat(result.converged()).isTrue();
        assertThat(result.epochs()).isEqualTo(6);
        assertThat(result.weights()).containsExactly(-2.0, -1.0);
        assertThat(result.bias()).isEqualTo(3.0);
        assertThat(result.history()).extracting(EpochRecord::misclassified).containsExactly(2, 3, 3, 2, 1, 0);
        assertThat(result.history()).extracting(EpochRecord::bias).containsExactly(0.0, 1.0, 2.0, 2.0, 3.0, 3.0);
        assertThat(result.history().get(3).weights()).containsExactly(-2.0, -2.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 1.0})
    void xorShouldNotConvergeAndShouldRunEveryEpoch(double learningRate) {
        TrainingResult result = train(XOR, learningRate, 250);

        assertThat(result.converged()).isFalse();
        assertThat(result.epochs()).isEqualTo(250);
        assertThat(result.history()).hasSize(250);
        assertThat(result.history()).allSatisfy(e -> assertThat(e.misclassified()).isPositive());
        assertThat(result.message()).containsIgnoringCase("not converge").containsIgnoringCase("linearly separable");
    }

    @Test
    void historyShouldNumberEpochsFromOne() {
        assertThat(train(AND, 0.1, 100).history()).extracting(EpochRecord::epoch).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void trainWhenAlreadyCorrectShouldStopAfterOneCleanEpoch() {
        TrainingResult result = trainer.train(BINARY, AND,
                new TrainingSettings(0.1, 100, new double[] {0.5, 0.5}, -0.7, false, 0));

        assertThat(result.converged()).isTrue();
        assertThat(result.epochs()).isEqualTo(1);
        assertThat(result.history()).singleElement().satisfies(e -> assertThat(e.misclassified()).isZero());
        assertThat(result.message()).contains("1 epoch");
    }

    @Test
    void trainShouldNotChangeTheInitialWeightsArray() {
        double[] initial = {0, 0};
        trainer.train(BINARY, AND, new TrainingSettings(1.0, 100, initial, 0, false, 0));

        assertThat(initial).containsExactly(0.0, 0.0);
    }

    @Test
    void shuffleWithTheSameSeedShouldGiveTheSameTraining() {
        TrainingSettings settings = new TrainingSettings(0.1, 100, new double[2], 0, true, 7);

        TrainingResult first = trainer.train(BINARY, OR, settings);
        TrainingResult second = trainer.train(BINARY, OR, settings);

        assertThat(second.epochs()).isEqualTo(first.epochs());
        assertThat(second.weights()).containsExactly(first.weights());
        assertThat(second.history()).usingRecursiveFieldByFieldElementComparator().isEqualTo(first.history());
    }

    @Test
    void shuffleShouldVisitTheSamplesInAnotherOrderForSomeSeed() {
        TrainingResult inOrder = train(AND, 1.0, 100);

        boolean someDiffer = false;
        for (long seed = 0; seed < 20 && !someDiffer; seed++) {
            TrainingResult shuffled = trainer.train(BINARY, AND,
                    new TrainingSettings(1.0, 100, new double[2], 0, true, seed));
            assertThat(shuffled.converged()).isTrue();
            someDiffer = shuffled.epochs() != inOrder.epochs() || shuffled.bias() != inOrder.bias()
                    || shuffled.history().get(0).misclassified() != inOrder.history().get(0).misclassified();
        }
        assertThat(someDiffer).as("some seed changes the order of visit").isTrue();
    }

    @Test
    void shuffledTrainingShouldStillSeparateSeparableData() {
        TrainingResult result = trainer.train(BINARY, NAND, new TrainingSettings(0.3, 1000, new double[2], 0, true, 3));

        Perceptron learned = new Perceptron(result.weights(), result.bias(), TestActivations.bind("step"));
        assertThat(result.converged()).isTrue();
        assertThat(learned.run(BINARY).outputs()).containsExactly(NAND);
    }

    @Test
    void seedShouldBeIgnoredWithoutShuffle() {
        TrainingResult a = trainer.train(BINARY, OR, new TrainingSettings(0.1, 100, new double[2], 0, false, 1));
        TrainingResult b = trainer.train(BINARY, OR, new TrainingSettings(0.1, 100, new double[2], 0, false, 99));

        assertThat(b.history()).usingRecursiveFieldByFieldElementComparator().isEqualTo(a.history());
    }

    @Test
    void trainWhenTargetIsNotZeroOrOneShouldThrow() {
        assertThatIllegalArgumentException().isThrownBy(() -> train(new double[] {0, 1, 2, 1}, 0.1, 10));
    }

    @Test
    void trainWhenLearningRateIsNotPositiveShouldThrow() {
        assertThatIllegalArgumentException().isThrownBy(() -> train(AND, 0.0, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> train(AND, -0.1, 10));
    }

    @Test
    void trainWhenTargetCountDiffersShouldThrow() {
        assertThatIllegalArgumentException().isThrownBy(() -> train(new double[] {0, 1}, 0.1, 10));
    }

    @Test
    void trainWhenNoEpochsAllowedShouldThrow() {
        assertThatIllegalArgumentException().isThrownBy(() -> train(AND, 0.1, 0));
    }
}
