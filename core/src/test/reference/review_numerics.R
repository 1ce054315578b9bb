# Reference values for the numerical-robustness tests added in review (JoinpointNumericsTest).
# Rscript review_numerics.R   (R 4.2.2, stats::lm only)
options(digits = 17)
x <- 2000:2019; n <- length(x)
combos <- function(k, m = n, E = 2, B = 2) {
  pos <- (E + 1):(m - E)
  if (k == 0) return(list(integer(0)))
  cs <- combn(pos, k, simplify = FALSE)
  Filter(function(p) k == 1 || all(diff(p) >= B + 1), cs)
}
hinge <- function(y, tau, w = rep(1, n)) { X <- cbind(1, x); for (t in tau) X <- cbind(X, pmax(x - t, 0)); lm(y ~ X - 1, weights = w) }
grid <- function(label, y, w = rep(1, n), K = 3) {
  for (k in 0:K) {
    cs <- combos(k); sse <- sapply(cs, function(p) deviance(hinge(y, x[p], w))); b <- which.min(sse)
    cat(label, "k =", k, "tau", x[cs[[b]]], "SSE", format(sse[b], digits = 17),
        "BIC", format(log(sse[b] / n) + 2 * (k + 1) * log(n) / n, digits = 17),
        "BIC3", format(log(sse[b] / n) + (3 * k + 2) * log(n) / n, digits = 17), "\n")
  }
}

cat("== 1. linear scale, values ~1.2e9 with small noise (sd 3): SSE of the best k-joinpoint models ==\n")
set.seed(3)
y1 <- round(1.2e9 + 3e6 * (x - 2000) - 8e6 * pmax(x - 2010, 0) + 4e6 * pmax(x - 2015, 0) + rnorm(20, 0, 3))
cat("y1 <- c(", paste(sprintf("%.0f", y1), collapse = ", "), ")\n")
# lm on the raw values is itself inaccurate here (QR of y ~ 1.2e9: SSE of the 2-joinpoint model 95.896534 instead of
# 95.896554, relative error 2e-7). Residuals do not change when a vector of the model's column space is subtracted,
# so the grid is run on y1 - 1.2e9 (the intercept absorbs it) and x - 2000 is used inside the hinges (same columns).
cat("raw lm SSE at 2010, 2015:", format(deviance(hinge(y1, c(2010, 2015))), digits = 17), "\n")
xs <- x; x <- x - 2000
yc <- y1 - 1.2e9
for (k in 0:3) {
  cs <- combos(k); X0 <- function(p) { X <- cbind(1, x); for (t in x[p]) X <- cbind(X, pmax(x - t, 0)); X }
  sse <- sapply(cs, function(p) deviance(lm(yc ~ X0(p) - 1))); b <- which.min(sse)
  cat("y1 (centred) k =", k, "tau", xs[cs[[b]]], "SSE", format(sse[b], digits = 17),
      "BIC", format(log(sse[b] / n) + 2 * (k + 1) * log(n) / n, digits = 17),
      "BIC3", format(log(sse[b] / n) + (3 * k + 2) * log(n) / n, digits = 17), "\n")
}
# cross-check of the 2- and 3-joinpoint SSEs: subtract the generating trend (in both models' column space) first
yr <- yc - (3e6 * x - 8e6 * pmax(x - 10, 0) + 4e6 * pmax(x - 15, 0))
cat("residual integers:", yr, "\n")
cat("SSE (2010, 2015) from yr:", format(deviance(lm(yr ~ cbind(1, x, pmax(x - 10, 0), pmax(x - 15, 0)) - 1)), digits = 17), "\n")
cat("SSE (2007, 2010, 2015) from yr:",
    format(deviance(lm(yr ~ cbind(1, x, pmax(x - 7, 0), pmax(x - 10, 0), pmax(x - 15, 0)) - 1)), digits = 17), "\n")
x <- xs

cat("== 2. linear scale, US dollars ~1e12 with standard errors ~1e12, weights 1/se^2 ==\n")
set.seed(5)
y2 <- round(8e11 + 4e10 * (x - 2000) - 9e10 * pmax(x - 2010, 0) + rnorm(20, 0, 3e10), -6)
se2 <- round(runif(20, 2e12, 6e12), -9)
cat("y2 <- c(", paste(sprintf("%.0f", y2), collapse = ", "), ")\n")
cat("se2 <- c(", paste(sprintf("%.0f", se2), collapse = ", "), ")\n")
f2 <- hinge(y2, 2010, 1 / se2^2)
cat("coef(lm(y2 ~ x + pmax(x - 2010, 0), weights = 1/se2^2))", format(coef(f2), digits = 17), "\n")
V <- vcov(f2)
cat("slope SEs (conditional): seg1", format(sqrt(V[2, 2]), digits = 17), "seg2",
    format(sqrt(V[2, 2] + V[3, 3] + 2 * V[2, 3]), digits = 17), "\n")
cat("weighted SSE", format(deviance(f2), digits = 17), "\n")
grid("y2 weighted", y2, 1 / se2^2, K = 2)

cat("== 3. exactly piecewise-linear data (linear interpolation between anchor years) ==\n")
# one change of slope at 2015 (5 per year, then -2 per year); the SSEs of k >= 1 are rounding noise, and BIC on them
# is arbitrary (here it picks k = 2 with a spurious joinpoint)
y3 <- 90 + 5 * (x - 2000) - 7 * pmax(x - 2015, 0)
grid("y3", y3)
