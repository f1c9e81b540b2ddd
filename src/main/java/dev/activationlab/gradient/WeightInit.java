package dev.activationlab.gradient;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the weights of a layer with fan-in n_in and fan-out n_out are drawn, each weight
 * independently, biases left at 0. The names and gains follow PyTorch's {@code torch.nn.init}
 * (gain 1 for Xavier, √2 for He): Keras draws its {@code he_normal} and {@code lecun_normal} from a
 * normal truncated at two standard deviations, PyTorch and this class from the plain normal.
 */
public enum WeightInit {

    /** N(0, σ²) with σ the requested {@code initStd}: the "small random numbers" of early practice. */
    NORMAL("normal", true) {
        @Override
        double scale(int fanIn, int fanOut, double initStd) {
            return initStd;
        }
    },

    /**
     * U(−1/√n_in, 1/√n_in): the "commonly used heuristic" of Glorot &amp; Bengio (2010, eq. 1), their
     * baseline, and PyTorch's default for {@code nn.Linear}. Var = 1/(3·n_in).
     */
    UNIFORM("uniform", false) {
        @Override
        double scale(int fanIn, int fanOut, double initStd) {
            return 1.0 / Math.sqrt(fanIn);
        }
    },

    /**
     * U(−a, a) with a = √(6/(n_in + n_out)), Var = 2/(n_in + n_out): the normalised initialisation of
     * Glorot &amp; Bengio (2010), Understanding the difficulty of training deep feedforward neural
     * networks, AISTATS, eq. 16; {@code torch.nn.init.xavier_uniform_}.
     */
    XAVIER_UNIFORM("xavier_uniform", false) {
        @Override
        double scale(int fanIn, int fanOut, double initStd) {
            return Math.sqrt(6.0 / ((double) fanIn + fanOut));
        }
    },

    /** N(0, 2/(n_in + n_out)): the same variance as Glorot &amp; Bengio (2010), normal; {@code xavier_normal_}. */
    XAVIER_NORMAL("xavier_normal", true) {
        @Override
        double scale(int fanIn, int fanOut, double initStd) {
            return Math.sqrt(2.0 / ((double) fanIn + fanOut));
        }
    },

    /**
     * U(−a, a) with a = √(6/n_in), Var = 2/n_in: He, Zhang, Ren &amp; Sun (2015), Delving deep into
     * rectifiers, ICCV, eq. 10 (forward case), which keeps the variance of ReLU layers constant;
     * {@code kaiming_uniform_(nonlinearity='relu')}.
     */
    HE_UNIFORM("he_uniform", false) {
        @Override
        double scale(int fanIn, int fanOut, double initStd) {
            return Math.sqrt(6.0 / fanIn);
        }
    },

    /** N(0, 2/n_in): He et al. (2015), eq. 10; {@code kaiming_normal_(nonlinearity='relu')}. */
    HE_NORMAL("he_normal", true) {
        @Override
        double scale(int fanIn, int fanOut, double initStd) {
            return Math.sqrt(2.0 / fanIn);
        }
    },

    /**
     * N(0, 1/n_in): LeCun, Bottou, Orr &amp; Müller (1998), Efficient BackProp, §4.6, which gives unit
     * variance to the weighted sum of unit-variance inputs; the initialisation SELU assumes.
     */
    LECUN_NORMAL("lecun_normal", true) {
        @Override
        double scale(int fanIn, int fanOut, double initStd) {
            return Math.sqrt(1.0 / fanIn);
        }
    };

    private final String id;
    private final boolean gaussian;

    WeightInit(String id, boolean gaussian) {
        this.id = id;
        this.gaussian = gaussian;
    }

    /** The name used in requests and responses, e.g. {@code xavier_uniform}. */
    public String id() {
        return id;
    }

    /** Every accepted name, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(WeightInit::id).toList();
    }

    /**
     * The initialisation called {@code name}, case-insensitively, with {@code -} accepted for {@code _}
     * and PyTorch's and Keras's other names ({@code glorot_uniform}, {@code kaiming_normal}, ...).
     */
    public static Optional<WeightInit> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.toLowerCase(Locale.ROOT).replace('-', '_')
                .replace("glorot_", "xavier_").replace("kaiming_", "he_");
        return Arrays.stream(values()).filter(w -> w.id.equals(key)).findFirst();
    }

    /** Standard deviation (normal draws) or bound a of U(−a, a) (uniform draws). */
    abstract double scale(int fanIn, int fanOut, double initStd);

    /** Fills an n_out × n_in weight matrix, row-major, in index order. */
    public void fill(double[] weights, int fanIn, int fanOut, double initStd, SplitMix64 random) {
        double scale = scale(fanIn, fanOut, initStd);
        if (gaussian) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] = scale * random.nextGaussian();
            }
        } else {
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextUniform(scale);
            }
        }
    }
}
