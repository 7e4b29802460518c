package org.mobilenetexplorer.cli;

import org.mobilenetexplorer.io.Decimals;
import picocli.CommandLine;

/**
 * Every real-valued option (and the numbers inside list and time options) is read by this one rule,
 * {@link Decimals} (the as-given rule the preset reader applies too): a plain decimal number a double holds as
 * written. Registered for {@code double} and {@code Double} on the whole command line ({@link MainCommand#commandLine}).
 */
final class DecimalConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        String problem = Decimals.problem(value);
        if (problem != null) {
            throw new CommandLine.TypeConversionException("'" + OptionValueException.shown(value) + "': " + problem);
        }
        return Double.parseDouble(value);
    }
}
