package org.drugstats.core.stats.trend;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Weighted least-squares fit of the continuous hinge model z = β0 + β1·x + Σ δ<sub>j</sub>·(x − τ<sub>j</sub>)⁺ at
 * fixed joinpoints τ (plus the series' extra columns, e.g. the jump step γ·1(x &gt; J), after the δ), by a
 * Householder QR decomposition (Commons Math) of the weighted design √w·X.
 *
 * <p>With AR(1) errors ({@link PreparedSeries#rho} ≠ 0) the weighted design and response are whitened first
 * (Prais–Winsten), so this is generalised least squares and the SSE is that of the whitened residuals.
 *
 * <p>Exposes the coefficients, the weighted SSE, the unscaled covariance (X'WX)⁻¹ = R⁻¹R⁻ᵀ and the fitted values.
 */
final class WeightedFit {
    final double[] beta;
    final double sse;
    /** (X'WX)⁻¹. */
    final double[][] unscaledCov;
    /** Fitted values on the response scale (not weighted). */
    final double[] fitted;
    final double[] tau;

    private WeightedFit(double[] beta, double sse, double[][] unscaledCov, double[] fitted, double[] tau) {
        this.beta = beta;
        this.sse = sse;
        this.unscaledCov = unscaledCov;
        this.fitted = fitted;
        this.tau = tau;
    }

    static double[] designRow(double x, double[] tau) {
        double[] r = new double[tau.length + 2];
        r[0] = 1;
        r[1] = x;
        for (int j = 0; j < tau.length; j++) {
            r[j + 2] = Math.max(x - tau[j], 0);
        }
        return r;
    }

    /** Design row of observation i: {@link #designRow(double, double[])} then the extra columns of {@code d}. */
    static double[] designRow(PreparedSeries d, int i, double[] tau) {
        double[] r = designRow(d.x[i], tau);
        if (d.extra.length == 0) {
            return r;
        }
        double[] full = Arrays.copyOf(r, r.length + d.extra.length);
        for (int c = 0; c < d.extra.length; c++) {
            full[r.length + c] = d.extra[c][i];
        }
        return full;
    }

    static WeightedFit of(PreparedSeries d, double[] tau) {
        int n = d.n;
        int p = tau.length + 2 + d.extra.length;
        // The QR runs on the weights divided by their maximum: the solution does not change, and the absolute
        // singularity thresholds of Commons Math's QR (1e-13) and LU (1e-11) stay meaningful whatever the units
        // of the weights (1/SE² with SE ~ 1e12 US dollars would otherwise look singular).
        double wMax = 0;
        for (int i = 0; i < n; i++) {
            wMax = Math.max(wMax, d.w[i]);
        }
        double swScale = 1 / Math.sqrt(wMax);
        double[][] xw = new double[n][];
        double[] zw = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = designRow(d, i, tau);
            double s = d.sw[i] * swScale;
            for (int j = 0; j < p; j++) {
                r[j] *= s;
            }
            xw[i] = r;
            zw[i] = d.z[i] * s;
        }
        if (d.rho != 0) {
            whitenColumns(d, xw, zw);
        }
        RealMatrix xm = new Array2DRowRealMatrix(xw, false);
        QRDecomposition qr = new QRDecomposition(xm, 1e-13);
        double[] beta = qr.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(zw, false))
                .toArray();
        RealMatrix r = qr.getR().getSubMatrix(0, p - 1, 0, p - 1);
        RealMatrix rInv = new org.apache.commons.math3.linear.LUDecomposition(r).getSolver().getInverse();
        // (X'WX)⁻¹ = (X'(W/wMax)X)⁻¹ / wMax
        double[][] cov = rInv.multiply(rInv.transpose()).scalarMultiply(1 / wMax).getData();
        double[] fitted = new double[n];
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double[] row = designRow(d, i, tau);
            double f = 0;
            for (int j = 0; j < p; j++) {
                f += row[j] * beta[j];
            }
            fitted[i] = f;
            double e = d.z[i] - f;
            sse += d.w[i] * e * e;
        }
        if (d.rho != 0) {
            // generalised least squares: the SSE of the whitened residuals (innovation scale)
            double[] res = new double[n];
            for (int i = 0; i < n; i++) {
                res[i] = d.sw[i] * (d.z[i] - fitted[i]);
            }
            d.whiten(res, 0);
            sse = 0;
            for (double v : res) {
                sse += v * v;
            }
        }
        return new WeightedFit(beta, sse, cov, fitted, tau.clone());
    }

    private static void whitenColumns(PreparedSeries d, double[][] xw, double[] zw) {
        int n = d.n;
        int p = xw[0].length;
        double[] col = new double[n];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                col[i] = xw[i][j];
            }
            d.whiten(col, 0);
            for (int i = 0; i < n; i++) {
                xw[i][j] = col[i];
            }
        }
        d.whiten(zw, 0);
    }

    /** Slope of segment i (0-based): β1 + Σ_{j&lt;i} δ_j. */
    double segmentSlope(int i) {
        double b = beta[1];
        for (int j = 0; j < i; j++) {
            b += beta[j + 2];
        }
        return b;
    }

    /** c'(X'WX)⁻¹c for the segment-slope contrast of segment i. */
    double segmentSlopeUnscaledVariance(int i, int other) {
        double v = 0;
        for (int a = 1; a <= i + 1; a++) {
            for (int b = 1; b <= other + 1; b++) {
                v += unscaledCov[a][b];
            }
        }
        return v;
    }
}
