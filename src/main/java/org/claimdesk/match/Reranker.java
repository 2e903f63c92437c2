package org.claimdesk.match;

import java.util.List;

/**
 * A learned reranker of a query's candidate claims, tried by {@link MatchEvaluation} and not shipped: a logistic
 * regression over {@link MatchFeatures}, fit on CheckThat! 2020 task 2 train (features standardised, one L2 penalty).
 * Cross-validated it scored 0.001 MAP@5 above the weighted sum of {@link Ranker}, and it weighs shared words so
 * heavily (tweets are long and wordy) that a short paraphrase loses to a claim sharing its names: "Biden has the
 * biggest house in Delaware" found the "hairy legs" claim first. The evaluation keeps it to measure the next try.
 */
record Reranker(double bias, double[] weights, double[] mean, double[] scale) {

    /** The L2 penalty of training, on standardised features: the model stays small and smooth. */
    static final double L2 = 1.0;

    double score(double[] x) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Fits the model to labelled candidates by Newton's method (a few steps: the features are few). */
    static Reranker train(List<double[]> rows, List<Boolean> relevant) {
        int n = MatchFeatures.NAMES.length;
        double[] mean = new double[n];
        double[] scale = new double[n];
        for (double[] x : rows) {
            for (int j = 0; j < n; j++) {
                mean[j] += x[j] / rows.size();
            }
        }
        for (double[] x : rows) {
            for (int j = 0; j < n; j++) {
                scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / rows.size();
            }
        }
        for (int j = 0; j < n; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        int d = n + 1; // the bias last, not penalised
        double[] beta = new double[d];
        double[] z = new double[d];
        for (int step = 0; step < 25; step++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int r = 0; r < rows.size(); r++) {
                double[] x = rows.get(r);
                for (int j = 0; j < n; j++) {
                    z[j] = (x[j] - mean[j]) / scale[j];
                }
                z[n] = 1;
                double eta = 0;
                for (int j = 0; j < d; j++) {
                    eta += beta[j] * z[j];
                }
                double p = 1 / (1 + Math.exp(-eta));
                double y = relevant.get(r) ? 1 : 0;
                double w = Math.max(1e-9, p * (1 - p));
                for (int j = 0; j < d; j++) {
                    gradient[j] += (y - p) * z[j];
                    for (int k = 0; k <= j; k++) {
                        hessian[j][k] += w * z[j] * z[k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < j; k++) {
                    hessian[k][j] = hessian[j][k];
                }
                if (j < n) {
                    gradient[j] -= L2 * beta[j];
                    hessian[j][j] += L2;
                }
            }
            double[] delta = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j < d; j++) {
                beta[j] += delta[j];
                change = Math.max(change, Math.abs(delta[j]));
            }
            if (change < 1e-7) {
                break;
            }
        }
        double[] weights = java.util.Arrays.copyOf(beta, n);
        return new Reranker(beta[n], weights, mean, scale);
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting (a is small and positive definite). */
    private static double[] solve(double[][] a, double[] b) {
        int d = b.length;
        double[][] m = new double[d][];
        for (int i = 0; i < d; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], d + 1);
            m[i][d] = b[i];
        }
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < d; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= d; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[d];
        for (int r = d - 1; r >= 0; r--) {
            double s = m[r][d];
            for (int k = r + 1; k < d; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
