package org.mobilenetexplorer.cli;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Every real-valued option (and the numbers inside list and time options) is read by this one rule: a plain decimal
 * number, as the accuracy reader takes them ({@code 0.75}, {@code 1e-3}, {@code .5}). Java's own parser would also
 * take {@code 0x1p-1}, {@code 0.5f}, {@code 2d}, {@code NaN} and surrounding blanks: refused here. Registered for
 * {@code double} and {@code Double} on the whole command line ({@link MainCommand#commandLine}).
 *
 * <p>The number used is the number given: a decimal a double cannot hold as written is refused with what it would
 * become ({@code 4.0000000000000001} would be read as {@code 4.0}, inside alpha's range (0, 4] although the number
 * given is outside it; {@code 1e-400} would be read as 0), never silently replaced.
 */
final class DecimalConverter implements CommandLine.ITypeConverter<Double> {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    static final String RULE = "not a decimal number";

    @Override
    public Double convert(String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new CommandLine.TypeConversionException("'" + OptionValueException.shown(value) + "': " + problem);
        }
        return Double.parseDouble(value);
    }

    /** The number, or null when {@code text} is not a plain decimal number a double holds as written. */
    static Double parse(String text) {
        return problem(text) == null ? Double.parseDouble(text) : null;
    }

    /** Why {@code text} is not taken as a number ({@link #RULE} or what a double would make of it), or null. */
    static String problem(String text) {
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
