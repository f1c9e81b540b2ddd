package dev.activationlab.accuracy;

import dev.activationlab.dtype.Dtype;
import java.util.ArrayList;
import java.util.List;

/** Summarises a kernel's errors in ULPs of a dtype (see {@link UlpError} for the unit). */
public final class AccuracyMeasure {

    private static final double[] BUCKETS = {0.5, 1, 2, 4, 16, 256};

    private AccuracyMeasure() {
    }

    /**
     * @param dtype    the dtype the kernel computed in
     * @param x        inputs, length n
     * @param got      the kernel's results, length n (NaN and infinities allowed)
     * @param exact    the exact results to double precision, length n
     * @param expected the exact results correctly rounded to the dtype, length n
     * @return per-element errors and their summary
     */
    public static AccuracyReport.Errors errors(Dtype dtype, double[] x, double[] got, double[] exact,
                                               double[] expected) {
        int n = x.length;
        List<Double> perElement = new ArrayList<>(n);
        int[] counts = new int[BUCKETS.length + 1];
        int infinite = 0;
        int correct = 0;
        int worst = 0;
        double worstError = -1;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = UlpError.of(dtype, got[i], exact[i]);
            if (Double.isInfinite(e)) {
                infinite++;
                perElement.add(null);
            } else {
                sum += e;
                perElement.add(e);
            }
            int bucket = 0;
            while (bucket < BUCKETS.length && !(e <= BUCKETS[bucket])) {
                bucket++;
            }
            counts[bucket]++;
            if (e > worstError) {
                worstError = e;
                worst = i;
            }
            if (got[i] == expected[i] || (Double.isNaN(got[i]) && Double.isNaN(expected[i]))) {
                correct++;
            }
        }
        int finite = n - infinite;
        Double max = infinite > 0 ? null : worstError;
        Double mean = finite > 0 ? sum / finite : null;
        AccuracyReport.Worst w = new AccuracyReport.Worst(worst, x[worst], json(got[worst]), json(expected[worst]));
        AccuracyReport.Histogram h = new AccuracyReport.Histogram(counts[0], counts[1], counts[2], counts[3],
                counts[4], counts[5], counts[6]);
        return new AccuracyReport.Errors(perElement, max, mean, infinite, w, h, correct);
    }

    /** A double as JSON can carry it: the number, or "NaN", "Infinity", "-Infinity". */
    static Object json(double v) {
        return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }
}
