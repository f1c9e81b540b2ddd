package dev.activationlab.bench;

import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.ScalarFunction;
import dev.activationlab.activation.ActivationCatalogue;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The activation kernels alone, in nanoseconds per element: f and f' over 1,000,000 pre-activations
 * drawn uniformly from [−12, 12], each call writing a fresh result array as a request does.
 *
 * <p>The same inputs, sizes and allocation as {@code /work/shared/perf/kernels.py}, which prints
 * PyTorch's float64 time per element for sigmoid, tanh, relu, gelu and softplus (and NumPy's) on the
 * same machine; those are the anchors these figures are set against. {@code scripts/torch-kernels.py}
 * adds silu, elu and every derivative. Every exp-based activation of
 * the catalogue is here, relu as the floor of a kernel that only reads and writes memory.
 */
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class KernelBenchmark {

    static final int N = 1_000_000;

    @Param({"relu", "sigmoid", "tanh", "gelu", "softplus", "silu", "elu", "selu", "celu", "gelu_tanh", "mish",
            "logsigmoid", "tanhshrink"})
    String activation;

    private ScalarFunction function;
    private double[] x;
    private double[] reused;

    @Setup
    public void setUp() {
        ActivationRegistry registry = new ActivationRegistry(ActivationCatalogue.all());
        function = registry.bindScalar(activation, Map.of()).function();
        x = new SplittableRandom(42).doubles(N, -12.0, 12.0).toArray();
        reused = new double[N];
    }

    /** f(x_i): nanoseconds per element. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] values() {
        double[] out = new double[N];
        function.values(x, out);
        return out;
    }

    /**
     * f(x_i) into one array reused by every call: the kernel without the allocation (and zeroing)
     * of 8 MB per call, which is the difference to {@link #values()}.
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] valuesIntoReusedArray() {
        function.values(x, reused);
        return reused;
    }

    /** f'(x_i): nanoseconds per element. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] derivatives() {
        double[] out = new double[N];
        function.derivatives(x, out);
        return out;
    }
}
