package dev.activationlab.dataset;

import dev.activationlab.http.RequestException;
import dev.activationlab.http.ProblemType;

/**
 * A dataset drawn with checked parameters: the training rows and the held-back test rows.
 *
 * @param dataset      the problem
 * @param samples      samples drawn (4 for the gate tables)
 * @param noise        the jitter share used
 * @param seed         the seed used
 * @param testFraction the share held back
 * @param train        the training rows
 * @param test         the test rows (possibly none)
 */
public record DatasetDraw(ToyDataset dataset, int samples, double noise, long seed, double testFraction,
        ToyDataset.Samples train, ToyDataset.Samples test) {

    /** Most samples one draw may have. */
    public static final int MAX_SAMPLES = 10000;

    /**
     * Checks the parameters and draws the dataset.
     *
     * @param at JSON path prefix of the parameters for problems ({@code dataset.} in a body, empty
     *           for query parameters)
     * @throws RequestException 400 naming the parameter for a value out of range; a 404 (in the
     *                          path) or 400 (in a body) for an unknown name
     */
    public static DatasetDraw of(String name, Integer samples, Double noise, Long seed, Double testFraction,
            String at, boolean nameInPath) {
        ToyDataset dataset = ToyDataset.find(name).orElseThrow(() -> {
            String detail = "There is no dataset '" + name + "'. Valid names: " + String.join(", ", ToyDataset.ids())
                    + ".";
            RequestException e = nameInPath ? new RequestException(ProblemType.NOT_FOUND, null, detail)
                    : RequestException.invalid(at + "name", detail);
            return e.with("validNames", ToyDataset.ids());
        });
        int n = samples == null ? 200 : samples;
        if (n < 1 || n > MAX_SAMPLES) {
            throw RequestException.invalid(at + "samples", "'" + at + "samples' must be from 1 to " + MAX_SAMPLES
                    + ", not " + n + ".");
        }
        double jitter = noise == null ? 0.0 : noise;
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw RequestException.invalid(at + "noise", "'" + at + "noise' must be from 0 to 1, not " + jitter + ".");
        }
        double fraction = testFraction == null ? 0.0 : testFraction;
        if (!(fraction >= 0.0 && fraction < 1.0)) {
            throw RequestException.invalid(at + "testFraction", "'" + at + "testFraction' must be at least 0 and "
                    + "below 1, not " + fraction + ".");
        }
        long s = seed == null ? 1L : seed;
        if (dataset.gate()) {
            n = 4;
            jitter = 0.0;
        }
        ToyDataset.Samples[] parts = dataset.generate(n, jitter, s).split(fraction);
        if (parts[0].inputs().length == 0) {
            throw RequestException.invalid(at + "testFraction", "'" + at + "testFraction' " + fraction
                    + " leaves no training sample of " + n + ".");
        }
        return new DatasetDraw(dataset, n, jitter, s, fraction, parts[0], parts[1]);
    }
}
