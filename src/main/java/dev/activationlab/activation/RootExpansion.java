package dev.activationlab.activation;

/**
 * A Taylor expansion of a derivative f' about one of its zeros r, for the few activations whose
 * derivative crosses zero (gelu, gelu_tanh, silu, mish at their minimum).
 *
 * <p>Near such a zero the closed forms subtract two nearly equal terms, and their relative error
 * grows like 1/|x − r| (about 10^−12 at 10^−4 from r). The expansion
 * f'(x) = Σ_(k=1..n) c_k·d^k, d = x − r, keeps full relative precision there: r is held as a sum
 * of two doubles, so that d is exact up to one rounding (x − r_hi is exact by Sterbenz's lemma).
 * The coefficients c_k = f^(k+1)(r)/k! are computed offline (mpmath, 120 digits).
 */
final class RootExpansion {

    private final double rootHi;
    private final double rootLo;
    private final double radius;
    private final double[] coefficients;

    /**
     * @param rootHi       the double nearest r
     * @param rootLo       r − rootHi, rounded
     * @param radius       the half-width of the interval about r where the expansion is used
     * @param coefficients c_1 … c_n
     */
    RootExpansion(double rootHi, double rootLo, double radius, double... coefficients) {
        this.rootHi = rootHi;
        this.rootLo = rootLo;
        this.radius = radius;
        this.coefficients = coefficients.clone();
    }

    /** Whether x lies within the radius of the zero. */
    boolean covers(double x) {
        return Math.abs(x - rootHi) < radius;
    }

    /**
     * Puts f'(x_j) from this expansion into y_j for each of the first n x_j it {@link #covers}: the
     * scalar pass after a vectorised loop that computed the closed form everywhere.
     */
    void overwriteCovered(double[] x, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            if (covers(x[j])) {
                y[j] = evaluate(x[j]);
            }
        }
    }

    /** f'(x), for x that this expansion {@link #covers(double) covers}. */
    double evaluate(double x) {
        double d = (x - rootHi) - rootLo;
        double sum = coefficients[coefficients.length - 1];
        for (int k = coefficients.length - 2; k >= 0; k--) {
            sum = coefficients[k] + d * sum;
        }
        return d * sum;
    }
}
