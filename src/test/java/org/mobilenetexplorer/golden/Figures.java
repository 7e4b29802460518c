package org.mobilenetexplorer.golden;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.published.PublishedFigure;

/** Test helpers: the configuration a published row describes, and exact rounding to a printed precision. */
final class Figures {
    private Figures() {
    }

    /** The network a published row describes (1000 classes unless given). */
    static MobileNetConfig config(PublishedFigure f, int classes) {
        return new MobileNetConfig(f.alpha(), f.resolution()).withClasses(classes)
                .withStandardConv(f.isStandardConv()).withBlocks14(f.isShallow() ? 0 : 5);
    }

    /** The number of decimals {@code printed} shows. */
    static int scale(double printed) {
        return Math.max(BigDecimal.valueOf(printed).stripTrailingZeros().scale(), 0);
    }

    /** {@code count / 10^6} rounded half-up to the precision of {@code printed}. */
    static BigDecimal millionsAsPrinted(long count, double printed) {
        return BigDecimal.valueOf(count).movePointLeft(6).setScale(scale(printed), RoundingMode.HALF_UP);
    }

    /** True when {@code count} in millions, rounded as printed, equals {@code printed}. */
    static boolean matches(long count, double printed) {
        return millionsAsPrinted(count, printed).compareTo(BigDecimal.valueOf(printed)) == 0;
    }
}
