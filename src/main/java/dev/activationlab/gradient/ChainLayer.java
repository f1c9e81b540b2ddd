package dev.activationlab.gradient;

/**
 * One layer of a scalar chain after the backward pass.
 *
 * @param layer           1 (next to the input) to N (next to the output)
 * @param localDerivative f'(z_k), the weight not included
 * @param gradient        g_k = Π_{i=k..N} w_i·f'(z_i) rounded to a double: ±0 where it underflows,
 *                        {@code null} where it overflows
 * @param log10Gradient   log10 |g_k|, summed in log space; {@code null} where a factor at or above
 *                        layer k is exactly 0
 */
public record ChainLayer(int layer, double localDerivative, Double gradient, Double log10Gradient) {
}
