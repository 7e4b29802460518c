package org.mobilenetexplorer.accuracy;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Least-squares quadratic surface {@code accuracy = b0 + b1 x + b2 y + b3 x^2 + b4 y^2 + b5 x y} with
 * {@code x = ln alpha}, {@code y = ln resolution}, fitted by QR decomposition (Apache Commons Math). Accuracy
 * saturates in both multipliers, which a line in ln(MACs) cannot follow; six coefficients capture the curvature
 * along each axis and their interaction.
 *
 * @param coefficients b0..b5
 * @param n            points fitted
 */
public record QuadraticSurface(List<Double> coefficients, int n) {
    /** Coefficients of the surface. */
    public static final int TERMS = 6;
    /** Points needed: one more than the coefficients, so that the fit is overdetermined. */
    public static final int MIN_POINTS = TERMS + 1;
    /** Distinct alphas and distinct resolutions needed for the squared terms to be determined. */
    public static final int MIN_DISTINCT = 3;

    public QuadraticSurface {
        coefficients = List.copyOf(coefficients);
    }

    /** The fit over {@code (alpha, resolution, accuracy)} rows, or empty when the rows cannot determine it. */
    static Optional<QuadraticSurface> fit(List<double[]> rows) {
        if (rows.size() < MIN_POINTS || distinct(rows, 0) < MIN_DISTINCT || distinct(rows, 1) < MIN_DISTINCT) {
            return Optional.empty();
        }
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = terms(rows.get(i)[0], rows.get(i)[1]);
            y[i] = rows.get(i)[2];
        }
        DecompositionSolver solver = new QRDecomposition(new Array2DRowRealMatrix(x, false), 1e-10).getSolver();
        if (!solver.isNonSingular()) {
            return Optional.empty();
        }
        RealVector b = solver.solve(new ArrayRealVector(y, false));
        return Optional.of(new QuadraticSurface(java.util.Arrays.stream(b.toArray()).boxed().toList(), rows.size()));
    }

    /** The fitted accuracy at {@code alpha} and {@code resolution}. */
    public double at(double alpha, int resolution) {
        double[] t = terms(alpha, resolution);
        double v = 0;
        for (int i = 0; i < TERMS; i++) {
            v += coefficients.get(i) * t[i];
        }
        return v;
    }

    private static double[] terms(double alpha, double resolution) {
        double a = Math.log(alpha);
        double r = Math.log(resolution);
        return new double[] {1, a, r, a * a, r * r, a * r};
    }

    private static long distinct(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(r -> Math.round(r[column] * 1e6) / 1e6).distinct().count();
    }
}
