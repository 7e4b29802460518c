package org.mobilenetexplorer.cli;

/**
 * The limits of the command line's own options, in one place. The limits of what they build live with what they
 * build and are only mapped to option names here: the benchmark protocol's in {@code bench.ProtocolSettings}, a
 * configuration's in {@code model.MobileNetConfig}, a chart's size in {@code chart.ChartExport#checkSize}.
 */
final class OptionLimits {
    /** The most configurations one command line may ask for (a grid of alphas x resolutions x families ...). */
    static final int MAX_CONFIGURATIONS = 10_000;
    /** The most images {@code verify} compares: the plain-Java reference runs each of them. */
    static final int MAX_VERIFY_BATCH = 64;

    private OptionLimits() {
    }

    /**
     * Refuses a grid of more than {@value #MAX_CONFIGURATIONS} configurations before it is built.
     *
     * @param options what the product is made of, as typed, e.g. {@code --alphas (500 values) x --resolutions (500 values)}
     * @param count   the product, computed without overflow by {@link #product}
     */
    static void configurations(String options, long count) {
        if (count > MAX_CONFIGURATIONS) {
            throw new UserInputException(options + ": " + count + " configurations: at most " + MAX_CONFIGURATIONS
                    + " in one command");
        }
    }

    /** The product of list sizes, saturating at {@link Long#MAX_VALUE}. */
    static long product(long... sizes) {
        long p = 1;
        for (long s : sizes) {
            p = s != 0 && p > Long.MAX_VALUE / s ? Long.MAX_VALUE : p * s;
        }
        return p;
    }

    /**
     * Refuses a list option given without a value ({@code --alphas ,} splits into nothing): it would silently run
     * nothing.
     */
    static <T> java.util.List<T> nonEmpty(String option, java.util.List<T> values) {
        if (values != null && values.isEmpty()) {
            throw new OptionValueException(option, "(empty)", "give at least one value");
        }
        return values;
    }

    /** {@code --alphas (3 values)}: an option and how many values it got, for {@link #configurations}. */
    static String values(String option, java.util.List<?> values) {
        return option + " (" + values.size() + (values.size() == 1 ? " value)" : " values)");
    }
}
