package dev.activationlab.bench;

import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.Parameters;
import dev.activationlab.activation.ActivationCatalogue;
import dev.activationlab.dataset.ToyDataset;
import dev.activationlab.training.ArchitectureBuilder;
import dev.activationlab.training.Loss;
import dev.activationlab.training.SgdOptimizer;
import dev.activationlab.training.TrainableNetwork;
import dev.activationlab.training.Trainer;
import dev.activationlab.training.TrainingRun;
import dev.activationlab.training.TrainingSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One epoch of {@code POST /networks/train} without HTTP: a 2-64-64-1 tanh network on 1,000 rows
 * of the circle dataset, minibatches of 32, SGD, binary cross-entropy on logits. The epoch includes
 * what {@code /networks/train} does around it with {@code epochs = 1}: the measurement of the
 * initial network and the one after the epoch that fill the history (each a forward and a backward
 * pass over all rows), so three full passes over the rows in all. Reported in calls per second
 * (1/µs per call); the {@code :flops} line is the rate in floating-point operations per second, counting 2 per
 * multiply-add and 3 multiply-add passes per row (forward, input gradients, weight gradients) for
 * each of the three.
 *
 * <pre>./mvnw -B -Pbench test-compile exec:exec -Djmh.args="TrainingEpochBenchmark"</pre>
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class TrainingEpochBenchmark {

    static final int ROWS = 1000;
    static final int BATCH_SIZE = 32;
    static final int[] HIDDEN = {64, 64};

    private TrainableNetwork network;
    private double[][] inputs;
    private double[][] targets;
    private long flopsPerEpoch;

    @Setup(Level.Iteration)
    public void setUp() {
        ActivationRegistry registry = new ActivationRegistry(ActivationCatalogue.all());
        var tanh = registry.require("tanh");
        var linear = registry.require("linear");
        network = new TrainableNetwork(ArchitectureBuilder.build(2, HIDDEN, 1, tanh, Parameters.none(), linear,
                Parameters.resolve(linear, null), null, 1.0, 7));
        ToyDataset.Samples samples = ToyDataset.CIRCLE.generate(ROWS, 0.1, 1);
        inputs = samples.inputs();
        targets = samples.targets();
        flopsPerEpoch = 2L * 3 * 3 * ROWS * network.multiplyAddsPerRow();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TrainingRun epoch(SimulationBenchmark.FlopCounter counter) {
        TrainingRun run = Trainer.train(network, new SgdOptimizer(0.01, 0, false, 0), inputs, targets, null, null,
                new TrainingSettings(Loss.BCE_WITH_LOGITS, 1, BATCH_SIZE, false, 1, null));
        counter.flops += flopsPerEpoch;
        return run;
    }
}
