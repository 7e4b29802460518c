package org.mobilenetexplorer.ui.common;

import java.util.Locale;

/** Number formatting shared by every view-model (the views never format or compute). */
public final class Formats {
    private Formats() {
    }

    /** {@code 568,740,352}. */
    public static String count(long n) {
        // String.format("%,d") by hand: the first view formats a few hundred counts, and Formatter was a visible
        // share of the start-up in a profile (JFR, 2026-11-30)
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        int len = digits.length() - start;
        if (len <= 3) {
            return digits;
        }
        StringBuilder b = new StringBuilder(digits.length() + len / 3);
        b.append(digits, 0, start);
        int first = len % 3 == 0 ? 3 : len % 3;
        b.append(digits, start, start + first);
        for (int i = start + first; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    /** {@code 1 result}, {@code 2 results}, {@code 1,024 results}: the count with its noun, singular for one. */
    public static String count(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code 568.74 M} (two decimals, SI million). */
    public static String millions(long n) {
        return String.format(Locale.ROOT, "%,.2f M", n / 1e6);
    }

    /** {@code 12.34 %} from a 0..1 share. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f %%", share * 100);
    }

    /** {@code +12.3 %} / {@code -4.0 %} / {@code ±0 %}: relative change of {@code value} against {@code base}. */
    public static String delta(double value, double base) {
        if (base == 0) {
            return value == 0 ? "±0 %" : "n/a";
        }
        double d = (value - base) / base * 100;
        if (Math.abs(d) < 0.05) {
            return "±0 %";
        }
        return String.format(Locale.ROOT, "%+.1f %%", d);
    }

    /** {@code +1.2 pts} / {@code -3.7 pts} / {@code ±0 pts}: difference of two percentages, in percentage points. */
    public static String points(double value, double base) {
        double d = value - base;
        return Math.abs(d) < 0.05 ? "±0 pts" : String.format(Locale.ROOT, "%+.1f pts", d);
    }

    /** A value with a fixed number of decimals. */
    public static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** {@code 1.23 MiB} / {@code 45.6 KiB} for bytes. */
    public static String bytes(long b) {
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.2f MiB", b / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }

    /** A duration in milliseconds, 3 significant digits. */
    public static String ms(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f ms", v);
        }
        return String.format(Locale.ROOT, "%.2f ms", v);
    }
}
