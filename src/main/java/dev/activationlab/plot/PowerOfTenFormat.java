package dev.activationlab.plot;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Formats a decimal logarithm k as the number it stands for, 10^k ({@code 10⁻¹²}), so that an
 * axis carrying log10 values reads as a logarithmic axis. Whole k only; other values (which
 * whole-number tick units never produce) fall back to {@code 10^-2.5}.
 */
final class PowerOfTenFormat extends NumberFormat {

    @Override
    public StringBuffer format(double log10, StringBuffer toAppendTo, FieldPosition pos) {
        if (log10 == Math.rint(log10) && Math.abs(log10) < 1e15) {
            return toAppendTo.append(Labels.powerOfTen((long) log10));
        }
        return toAppendTo.append("10^").append(Labels.number(log10));
    }

    @Override
    public StringBuffer format(long log10, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(Labels.powerOfTen(log10));
    }

    /** Tick labels are only written, never read back. */
    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("PowerOfTenFormat only formats");
    }
}
