package org.mobilenetexplorer.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Exact decimal formatting of integer counts in K (10^3) and M (10^6), and of shares. */
final class Units {
    private Units() {
    }

    /** {@code count / 10^6} with all six decimals: exact, e.g. {@code 568.740352}. */
    static String millionsExact(long count) {
        return BigDecimal.valueOf(count).movePointLeft(6).setScale(6, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** {@code count / 10^3} with all three decimals: exact, e.g. {@code 4210.088}. */
    static String thousandsExact(long count) {
        return BigDecimal.valueOf(count).movePointLeft(3).setScale(3, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** {@code count / 10^6} rounded half-up to {@code scale} decimals. */
    static BigDecimal millions(long count, int scale) {
        return BigDecimal.valueOf(count).movePointLeft(6).setScale(scale, RoundingMode.HALF_UP);
    }

    /** Bytes in MiB with one decimal. */
    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** Bytes in MiB with two decimals. */
    static String mebibytes2(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / (1024.0 * 1024.0));
    }

    /** Bytes in KiB with one decimal. */
    static String kibibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0);
    }

    /** A 0..1 share as a percentage with two decimals. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f", share * 100.0);
    }

    /** The number of decimals a printed figure shows (0 for whole numbers). */
    static int printedScale(double printed) {
        return Math.max(BigDecimal.valueOf(printed).stripTrailingZeros().scale(), 0);
    }

    /** A printed figure as printed: {@code 569}, {@code 4.24}. */
    static String printed(double printed) {
        return BigDecimal.valueOf(printed).setScale(printedScale(printed), RoundingMode.UNNECESSARY).toPlainString();
    }
}
