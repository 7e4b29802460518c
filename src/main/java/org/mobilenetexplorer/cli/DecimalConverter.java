package org.mobilenetexplorer.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Every real-valued option (and the numbers inside list and time options) is read by this one rule: a plain decimal
 * number, as the accuracy reader takes them ({@code 0.75}, {@code 1e-3}, {@code .5}). Java's own parser would also
 * take {@code 0x1p-1}, {@code 0.5f}, {@code 2d}, {@code NaN} and surrounding blanks: refused here. Registered for
 * {@code double} and {@code Double} on the whole command line ({@link MainCommand#commandLine}).
 */
final class DecimalConverter implements CommandLine.ITypeConverter<Double> {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    static final String RULE = "not a decimal number";

    @Override
    public Double convert(String value) {
        Double d = parse(value);
        if (d == null) {
            throw new CommandLine.TypeConversionException("'" + OptionValueException.shown(value) + "': " + RULE);
        }
        return d;
    }

    /** The number, or null when {@code text} is not a plain decimal number (or is out of double's range). */
    static Double parse(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            return null;
        }
        double d = Double.parseDouble(text);
        return Double.isFinite(d) ? d : null;
    }
}
