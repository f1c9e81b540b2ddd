package dev.activationlab.bench;

import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.ScalarFunction;
import dev.activationlab.activation.ActivationCatalogue;
import dev.activationlab.gradient.DeepNetworkSimulation;
import dev.activationlab.gradient.MatrixProducts;
import dev.activationlab.gradient.SimulationResult;
import dev.activationlab.gradient.SimulationSetup;
import dev.activationlab.gradient.WeightInit;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code POST /gradients/simulate} at 50 layers of width 256 with a batch of 64, without HTTP:
 * <ul>
 *   <li>{@code simulate}: the time of one whole simulation (draws, matrix products, activations,
 *       statistics), in ms per call, for tanh (Xavier uniform) and relu (He normal);</li>
 *   <li>{@code matrixProducts}: the same 3L − 1 = 149 matrix products alone; its {@code :flops} line is
 *       their rate in floating-point operations per second (2·m·k·n per m × k by k × n product).</li>
 * </ul>
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class SimulationBenchmark {

    static final int LAYERS = 50;
    static final int WIDTH = 256;
    static final int BATCH_SIZE = 64;

    /** The network of one simulate request. */
    @State(Scope.Thread)
    public static class Network {

        @Param({"tanh", "relu"})
        String activation;

        ScalarFunction function;
        SimulationSetup setup;

        @Setup
        public void setUp() {
            ActivationRegistry registry = new ActivationRegistry(ActivationCatalogue.all());
            function = registry.bindScalar(activation, Map.of()).function();
            WeightInit init = activation.equals("relu") ? WeightInit.HE_NORMAL : WeightInit.XAVIER_UNIFORM;
            setup = new SimulationSetup(LAYERS, WIDTH, BATCH_SIZE, init, 1.0, 42L);
        }
    }

    /** Floating-point operations done by the matrix-product benchmark, which JMH reports per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class FlopCounter {

        /** Read by JMH: floating-point operations in the current iteration. */
        public long flops;

        @Setup(Level.Iteration)
        public void reset() {
            flops = 0;
        }
    }

    private long flopsPerCall;
    private double[] inputs;
    private double[] deltas;
    private double[][] weights;
    private double[] transposed;
    private double[] weightGradient;
    private double[] out;

    @Setup
    public void setUp() {
        flopsPerCall = DeepNetworkSimulation.matrixProductFlops(LAYERS, WIDTH, BATCH_SIZE);
        SplittableRandom random = new SplittableRandom(1);
        inputs = random.doubles(BATCH_SIZE * WIDTH, -1, 1).toArray();
        deltas = random.doubles(BATCH_SIZE * WIDTH, -1, 1).toArray();
        weights = new double[LAYERS][];
        for (int l = 0; l < LAYERS; l++) {
            weights[l] = random.doubles(WIDTH * WIDTH, -0.1, 0.1).toArray();
        }
        transposed = new double[WIDTH * WIDTH];
        weightGradient = new double[WIDTH * WIDTH];
        out = new double[BATCH_SIZE * WIDTH];
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SimulationResult simulate(Network network) {
        return DeepNetworkSimulation.run(network.function, network.setup);
    }

    /**
     * The products of one simulation, in its order and shapes: per layer the forward product (with the
     * transpose of W), then backwards the weight gradient and (but for layer 1) the input gradient.
     * Inputs are fixed random numbers and no result feeds the next product, so values stay in range.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public double[] matrixProducts(FlopCounter counter) {
        for (int l = 0; l < LAYERS; l++) {
            MatrixProducts.transpose(weights[l], WIDTH, WIDTH, transposed);
            MatrixProducts.multiply(inputs, transposed, out, BATCH_SIZE, WIDTH, WIDTH);
        }
        for (int l = LAYERS - 1; l >= 0; l--) {
            MatrixProducts.multiplyTransposedLeft(deltas, inputs, weightGradient, BATCH_SIZE, WIDTH, WIDTH);
            if (l > 0) {
                MatrixProducts.multiply(deltas, weights[l], out, BATCH_SIZE, WIDTH, WIDTH);
            }
        }
        counter.flops += flopsPerCall;
        return out;
    }
}
