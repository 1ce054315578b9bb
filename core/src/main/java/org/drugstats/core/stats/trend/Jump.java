package org.drugstats.core.stats.trend;

/**
 * The jump of a {@link JumpModel} (Chen, Zeichner, Anderson, Espey, Kim and Feuer 2020, "The Joinpoint-Jump and
 * Joinpoint-Comparability Ratio Model for Trend Analysis with Applications to Coding Changes in Health Statistics",
 * J. Off. Stat. 36(1):49–62, doi:10.2478/jos-2020-0003).
 *
 * <p>Estimated jump ({@code fixed == false}): γ of z = β0 + β1·x + Σ δ<sub>j</sub>(x − τ<sub>j</sub>)⁺ + γ·1(x &gt; J),
 * SE from the least-squares covariance σ²(X'WX)⁻¹ with σ² = SSE/(n − p), p = k + 3, conditional on the joinpoints;
 * interval γ ± t<sub>n−p, 1−α/2</sub>·SE, t = γ/SE, two-sided p from t<sub>n−p</sub>. On the log scale the
 * comparability ratio is CR = e<sup>γ</sup> (new coding / old coding), SE(CR) = CR·SE(γ) (delta method), interval
 * e<sup>γ ± t·SE</sup>, and its test of CR = 1 is the test of γ = 0. On the linear scale γ is an additive jump in
 * y units and the CR fields are NaN.
 *
 * <p>Given ratio ({@code fixed == true}, the comparability-ratio model): CR and Var(CR) are inputs;
 * γ = ln CR, SE(γ) = √Var(CR)/CR (delta method), intervals and test from the normal distribution
 * (degreesOfFreedom = 0); with Var(CR) = 0 the SE is 0 and t, p are NaN.
 *
 * @param at the jump location J (between two observed x)
 * @param value γ (log scale: ln CR)
 * @param se SE(γ)
 * @param lower lower limit of γ
 * @param upper upper limit of γ
 * @param t γ/SE(γ)
 * @param pValue two-sided p of γ = 0
 * @param degreesOfFreedom of the t distribution (0: normal)
 * @param comparabilityRatio CR
 * @param crSe SE(CR)
 * @param crLower lower limit of CR
 * @param crUpper upper limit of CR
 * @param crPValue two-sided p of CR = 1
 * @param fixed whether CR was given rather than estimated
 */
public record Jump(double at, double value, double se, double lower, double upper, double t, double pValue,
        int degreesOfFreedom, double comparabilityRatio, double crSe, double crLower, double crUpper,
        double crPValue, boolean fixed) {
}
