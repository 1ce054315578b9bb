# Reference values for SeizureTrendTest: the world total of a five-country fixture, 2019-2023
# (100, 120, 150, 160, 210 kg). Log-linear APC with lm() on log(y) and confint() (t, 95%); Mann-Kendall S,
# Var(S) without ties = n(n-1)(2n+5)/18, z with continuity correction, two-sided normal p; tau = S / choose(n, 2);
# Sen slope = median of the pairwise slopes. R 4.2 (Debian r-base-core).
# Run: Rscript core/src/test/reference/seizure_trend_reference.R
x <- 2019:2023
y <- c(100, 120, 150, 160, 210)
f <- lm(log(y) ~ x)
b <- coef(f)[2]
ci <- confint(f)[2, ]
cat(sprintf("apc %.12f lower %.12f upper %.12f p %.12g\n", 100 * (exp(b) - 1), 100 * (exp(ci[1]) - 1),
            100 * (exp(ci[2]) - 1), summary(f)$coefficients[2, 4]))
n <- length(y)
s <- 0
slopes <- c()
for (i in 1:(n - 1)) for (j in (i + 1):n) {
  s <- s + sign(y[j] - y[i])
  slopes <- c(slopes, (y[j] - y[i]) / (x[j] - x[i]))
}
v <- n * (n - 1) * (2 * n + 5) / 18
z <- (s - sign(s)) / sqrt(v)
cat(sprintf("mk s %d var %.12f z %.12f p %.12g tau %.12f sen %.12f\n", s, v, z, 2 * pnorm(-abs(z)), s / choose(n, 2),
            median(slopes)))
cat(R.version.string, "\n")
