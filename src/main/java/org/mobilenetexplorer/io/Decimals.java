package org.mobilenetexplorer.io;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one rule for a real number written by the user, on the command line or in a file (the "as-given" rule): a
 * plain decimal number, as the accuracy reader takes them ({@code 0.75}, {@code 1e-3}, {@code .5}), that a double
 * holds as written. Java's own parser would also take {@code 0x1p-1}, {@code 0.5f}, {@code 2d}, {@code NaN} and
 * surrounding blanks: refused here.
 *
 * <p>The number used is the number given: a decimal a double cannot hold as written is refused with what it would
 * become ({@code 4.0000000000000001} would be read as {@code 4.0}, inside alpha's range (0, 4] although the number
 * given is outside it; {@code 1e-400} would be read as 0, {@code 1e999} as infinity), never silently replaced.
 * The command line ({@code cli.DecimalConverter}) and the preset reader both apply it.
 */
public final class Decimals {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    /** The rule's words when the text is not a plain decimal number at all. */
    public static final String RULE = "not a decimal number";

    private Decimals() {
    }

    /** The number, or null when {@code text} is not a plain decimal number a double holds as written. */
    public static Double parse(String text) {
        return problem(text) == null ? Double.parseDouble(text) : null;
    }

    /** Why {@code text} is not taken as a number ({@link #RULE} or what a double would make of it), or null. */
    public static String problem(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            return RULE;
        }
        double d = Double.parseDouble(text);
        if (!Double.isFinite(d)) {
            return "too large for a double";
        }
        BigDecimal given = new BigDecimal(text);
        if (d == 0 && given.signum() != 0) {
            return "too small for a double (it would be read as 0)";
        }
        // up to 15 significant digits every decimal reads back as written (DBL_DIG); beyond, compare with the
        // decimal Java prints for d, which reads back as d
        if (given.stripTrailingZeros().precision() > 15 && given.compareTo(new BigDecimal(Double.toString(d))) != 0) {
            return "more digits than a double holds (it would be read as " + Double.toString(d) + ")";
        }
        return null;
    }
}
