package dev.activationlab.training;

import dev.activationlab.activation.Parameters;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained Python script that replays a training run in PyTorch (float64,
 * {@code torch.optim}): the same initial network, data and minibatch order (the generator and the
 * Fisher–Yates shuffle written out in Python), then prints the final loss and weights as JSON, so
 * that anyone can check this service against PyTorch, or carry on in PyTorch.
 */
public final class PyTorchScript {

    /** The PyTorch expression of each activation, as a function of the pre-activation z. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("linear", "lambda z: {c} * z"),
            Map.entry("sigmoid", "torch.sigmoid"),
            Map.entry("tanh", "torch.tanh"),
            Map.entry("relu", "F.relu"),
            Map.entry("leaky_relu", "lambda z: F.leaky_relu(z, {alpha})"),
            Map.entry("elu", "lambda z: F.elu(z, {alpha})"),
            Map.entry("selu", "F.selu"),
            Map.entry("celu", "lambda z: F.celu(z, {alpha})"),
            Map.entry("gelu", "F.gelu"),
            Map.entry("gelu_tanh", "lambda z: F.gelu(z, approximate='tanh')"),
            Map.entry("silu", "F.silu"),
            Map.entry("mish", "F.mish"),
            Map.entry("softplus", "lambda z: F.softplus(z, {beta}, {threshold})"),
            Map.entry("softsign", "F.softsign"),
            Map.entry("hard_sigmoid", "F.hardsigmoid"),
            Map.entry("hard_tanh", "lambda z: F.hardtanh(z, {min}, {max})"),
            Map.entry("hard_swish", "F.hardswish"),
            Map.entry("relu6", "F.relu6"),
            Map.entry("log_sigmoid", "F.logsigmoid"),
            Map.entry("tanhshrink", "F.tanhshrink"),
            Map.entry("softshrink", "lambda z: F.softshrink(z, {lambda})"),
            Map.entry("hardshrink", "lambda z: F.hardshrink(z, {lambda})"),
            Map.entry("threshold", "lambda z: F.threshold(z, {threshold}, {value})"),
            Map.entry("softmax", "lambda z: F.softmax(z, dim=-1)"),
            Map.entry("log_softmax", "lambda z: F.log_softmax(z, dim=-1)"),
            // 1 where z > 0, else 0, with the zero gradient of the catalogue (0·z keeps the graph whole).
            Map.entry("step", "lambda z: (z > 0).to(z.dtype) + 0 * z"));

    private PyTorchScript() {
    }

    /** Whether the script can express this activation. */
    public static boolean supports(String activation) {
        return activation.equals("prelu") || FUNCTIONS.containsKey(activation);
    }

    /**
     * The script.
     *
     * @param network    the initial network
     * @param inputs     the training rows
     * @param targets    their targets
     * @param settings   loss, epochs, batch size, shuffle, seed and target loss
     * @param optimizer  the Python expression building the optimizer from {@code model.parameters()}
     */
    public static String of(TrainableNetwork network, double[][] inputs, double[][] targets,
            TrainingSettings settings, String optimizer) {
        StringBuilder py = new StringBuilder();
        py.append("""
                #!/usr/bin/env python3
                # Replays an Activation Lab training run (POST /api/v1/networks/train) in PyTorch, in float64:
                # the same initial network, data and minibatch order, then prints the final loss and weights
                # as JSON. Needs only PyTorch. Run: python3 train.py
                import json

                import torch
                import torch.nn.functional as F

                torch.set_default_dtype(torch.float64)

                """);
        py.append("INPUTS = torch.tensor(").append(matrix(inputs)).append(")\n");
        py.append("TARGETS = torch.tensor(").append(matrix(targets)).append(")\n");
        py.append("EPOCHS = ").append(settings.epochs()).append('\n');
        py.append("BATCH_SIZE = ").append(settings.batchSize()).append('\n');
        py.append("SHUFFLE = ").append(settings.shuffle() ? "True" : "False").append('\n');
        py.append("SEED = ").append(settings.seed()).append('\n');
        py.append("TARGET_LOSS = ").append(settings.targetLoss() == null ? "None" : number(settings.targetLoss()))
                .append("\n\n");
        py.append("""
                MASK = (1 << 64) - 1


                class SplitMix64:
                    \"\"\"The service's generator (Steele, Lea & Flood 2014): 64-bit words, 53-bit uniform doubles.\"\"\"

                    def __init__(self, seed):
                        self.state = seed & MASK

                    def next_double(self):
                        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
                        z = self.state
                        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
                        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
                        z ^= z >> 31
                        return (z >> 11) * 2.0 ** -53


                class Activation(torch.nn.Module):
                    def __init__(self, function):
                        super().__init__()
                        self.function = function

                    def forward(self, z):
                        return self.function(z)


                def linear(weights, biases):
                    layer = torch.nn.Linear(len(weights[0]), len(weights))
                    with torch.no_grad():
                        layer.weight.copy_(torch.tensor(weights))
                        layer.bias.copy_(torch.tensor(biases))
                    return layer


                model = torch.nn.Sequential(
                """);
        List<TrainableLayer> layers = network.layers();
        for (TrainableLayer layer : layers) {
            py.append("    linear(").append(matrix(layer.weights())).append(", ").append(vector(layer.biases()))
                    .append("),\n");
            py.append("    ").append(module(layer.activation().name(), layer.parameters())).append(",\n");
        }
        py.append(")\n");
        py.append("loss_function = ").append(switch (settings.loss()) {
            case MSE -> "torch.nn.MSELoss()";
            case BCE_WITH_LOGITS -> "torch.nn.BCEWithLogitsLoss()";
            case CROSS_ENTROPY -> "torch.nn.CrossEntropyLoss()";
        }).append('\n');
        py.append("optimizer = ").append(optimizer).append("\n\n");
        py.append("""

                def full_loss():
                    with torch.no_grad():
                        return loss_function(model(INPUTS), TARGETS).item()


                random = SplitMix64(SEED)
                rows = len(INPUTS)
                epochs = 0
                if TARGET_LOSS is None or full_loss() > TARGET_LOSS:
                    for epoch in range(1, EPOCHS + 1):
                        order = list(range(rows))
                        if SHUFFLE:
                            for i in range(rows - 1, 0, -1):
                                j = int(random.next_double() * (i + 1))
                                order[i], order[j] = order[j], order[i]
                        for start in range(0, rows, BATCH_SIZE):
                            batch = order[start:start + BATCH_SIZE]
                            optimizer.zero_grad()
                            loss_function(model(INPUTS[batch]), TARGETS[batch]).backward()
                            optimizer.step()
                        epochs = epoch
                        if TARGET_LOSS is not None and full_loss() <= TARGET_LOSS:
                            break

                layers = []
                for module in model:
                    if isinstance(module, torch.nn.Linear):
                        layers.append({"weights": module.weight.tolist(), "biases": module.bias.tolist()})
                    elif isinstance(module, torch.nn.PReLU):
                        layers[-1]["alpha"] = module.weight.item()
                print(json.dumps({"epochs": epochs, "loss": full_loss(), "layers": layers}))
                """);
        return py.toString();
    }

    /**
     * The Python expression of a {@code torch.optim} optimizer over {@code model.parameters()}.
     */
    public static String sgd(double learningRate, double momentum, boolean nesterov, double weightDecay) {
        return "torch.optim.SGD(model.parameters(), lr=" + number(learningRate) + ", momentum=" + number(momentum)
                + ", nesterov=" + (nesterov ? "True" : "False") + ", weight_decay=" + number(weightDecay) + ")";
    }

    /** The Python expression of {@code torch.optim.Adam} over {@code model.parameters()}. */
    public static String adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        return "torch.optim.Adam(model.parameters(), lr=" + number(learningRate) + ", betas=(" + number(beta1) + ", "
                + number(beta2) + "), eps=" + number(epsilon) + ", weight_decay=" + number(weightDecay) + ")";
    }

    private static String module(String activation, Parameters parameters) {
        if (activation.equals("prelu")) {
            return "torch.nn.PReLU(num_parameters=1, init=" + number(parameters.get("alpha")) + ")";
        }
        String function = FUNCTIONS.get(activation);
        if (function == null) {
            throw new IllegalArgumentException("No PyTorch counterpart for " + activation);
        }
        for (Map.Entry<String, Double> p : parameters.asMap().entrySet()) {
            function = function.replace("{" + p.getKey() + "}", number(p.getValue()));
        }
        return "Activation(" + function + ")";
    }

    private static String number(double value) {
        // Java's shortest round-trip decimal, which Python's float() reads back to the same double.
        return String.format(Locale.ROOT, "%s", Double.toString(value));
    }

    private static String vector(double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return sb.append(']').toString();
    }

    private static String matrix(double[][] rows) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows.length; r++) {
            sb.append(r == 0 ? "" : ", ").append(vector(rows[r]));
        }
        return sb.append(']').toString();
    }
}
