package io.nightwatch.functions.canary;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent–Dekker root finder in the exact form of the classic zeroin (netlib; R's {@code R_zeroin2} behind
 * {@code uniroot}; Kayenta's {@code KayentaBrentSolver.brentDirect}).
 *
 * <p>The Wilcoxon statistic inverted for the Hodges-Lehmann interval is a step function of the shift, so the
 * "root" is wherever the iteration stops inside a jump. Matching R to 1e-6 therefore needs R's iteration
 * exactly: same start (a = lower, b = upper, c = a), same tolerance {@code 2·eps·|b| + tol/2}, same
 * interpolation acceptance and step clamping. commons-math3's {@code BrentSolver} starts from the midpoint and
 * stops on different criteria, so it lands elsewhere on step functions (see README-canary.md).
 */
final class ZeroIn {

    /** R's DBL_EPSILON. */
    private static final double EPSILON = Math.ulp(1.0);

    private ZeroIn() {}

    /**
     * A zero of {@code f} in [a, b] given f(a) and f(b) of opposite signs (not checked, as in Kayenta).
     *
     * @param tol absolute tolerance (R's wilcox.test uses 1e-4)
     * @param maxIter iteration budget (R's uniroot default 1000)
     */
    static double find(DoubleUnaryOperator f, double a, double b, double fa, double fb, double tol, int maxIter) {
        double c = a;
        double fc = fa;
        if (fa == 0.0) {
            return a;
        }
        if (fb == 0.0) {
            return b;
        }
        int budget = maxIter + 1;
        while (budget-- > 0) {
            double prevStep = b - a;
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tolAct = 2 * EPSILON * Math.abs(b) + tol / 2;
            double newStep = (c - b) / 2;
            if (Math.abs(newStep) <= tolAct || fb == 0.0) {
                return b;
            }
            if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
                double p;
                double q;
                double cb = c - b;
                if (a == c) {
                    double t1 = fb / fa;
                    p = cb * t1;
                    q = 1.0 - t1;
                } else {
                    double qa = fa / fc;
                    double t1 = fb / fc;
                    double t2 = fb / fa;
                    p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1.0));
                    q = (qa - 1.0) * (t1 - 1.0) * (t2 - 1.0);
                }
                if (p > 0.0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (p < (0.75 * cb * q - Math.abs(tolAct * q) / 2) && p < Math.abs(prevStep * q / 2)) {
                    newStep = p / q;
                }
            }
            if (Math.abs(newStep) < tolAct) {
                newStep = newStep > 0.0 ? tolAct : -tolAct;
            }
            a = b;
            fa = fb;
            b += newStep;
            fb = f.applyAsDouble(b);
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
                c = a;
                fc = fa;
            }
        }
        return b;
    }
}
