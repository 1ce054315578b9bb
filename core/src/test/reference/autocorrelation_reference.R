# Independent reference for AutocorrelationTest: joinpoint models with AR(1) errors by generalised least squares,
# written in base R with the full error covariance (no whitening transform), not from the Java code:
#   Var(z) ∝ S R S / (1 - rho^2), R_ij = rho^|i-j|, S = diag(1/sqrt(w))  (innovation scale)
#   beta = (X' V^-1 X)^-1 X' V^-1 z, SSE = r' V^-1 r, cov = SSE/(n - p) (X' V^-1 X)^-1, t with n - p df
# Grid search over joinpoints (NumObsEnd = NumObsBetween = 2), BIC = ln(SSE/n) + 2(k+1) ln(n)/n, k = 0..3.
# Estimated rho: rho = 0; repeat { fit with selection; r = sqrt(w)(z - fit); rho' = sum(r[-1] r[-n]) / sum(r^2),
# clamped to [-0.99, 0.99]; stop when |rho' - rho| < 1e-6 } (at most 50 fits).
# Data: TrendTestData (joinpoint_reference.R). Rscript autocorrelation_reference.R > autocorrelation_reference.out
# (R 4.2.2, base R only)
options(digits = 15)
x <- 2000:2019; n <- 20
y <- c(50.152, 52.454, 52.353, 55.686, 58.597, 59.344, 65.229, 67.110, 67.975, 67.304,
       65.251, 62.436, 59.222, 58.702, 57.472, 57.055, 60.938, 60.794, 62.060, 63.497)
se <- c(0.9038, 0.6865, 0.7123, 1.6057, 1.8692, 1.9792, 1.0758, 1.5703, 0.9034, 2.3540,
        0.7074, 0.6347, 2.2368, 0.9568, 1.8789, 1.1770, 1.1069, 1.4387, 0.9758, 1.7389)
z <- log(y)
show <- function(label, v) cat(label, ":", paste(format(v, digits = 15), collapse = ", "), "\n")
apc <- function(b) 100 * (exp(b) - 1)
combos <- function(k) if (k == 0) list(integer(0)) else
  Filter(function(p) k == 1 || all(diff(p) >= 3), combn(3:18, k, simplify = FALSE))
design <- function(tau) { X <- cbind(1, x); for (t in tau) X <- cbind(X, pmax(x - t, 0)); X }
gls <- function(X, w, rho) {
  Vi <- solve(diag(1 / sqrt(w)) %*% outer(1:n, 1:n, function(i, j) rho^abs(i - j)) %*% diag(1 / sqrt(w)) / (1 - rho^2))
  A <- solve(t(X) %*% Vi %*% X); b <- A %*% t(X) %*% Vi %*% z; r <- z - X %*% b
  sse <- drop(t(r) %*% Vi %*% r)
  list(beta = drop(b), sse = sse, cov = sse / (n - ncol(X)) * A, fitted = drop(X %*% b), df = n - ncol(X))
}
select <- function(w, rho) {
  best <- lapply(0:3, function(k) { cs <- combos(k); s <- sapply(cs, function(p) gls(design(x[p]), w, rho)$sse)
    list(sse = min(s), tau = x[cs[[which.min(s)]]]) })
  bic <- sapply(0:3, function(k) log(best[[k + 1]]$sse / n) + 2 * (k + 1) * log(n) / n)
  list(best = best, bic = bic, tau = best[[which.min(bic)]]$tau)
}
report <- function(label, w, rho) {
  cat("==", label, "rho =", rho, "==\n")
  s <- select(w, rho)
  for (k in 0:3) show(sprintf("k=%d joinpoints %s; sse, bic", k, paste(s$best[[k + 1]]$tau, collapse = " ")),
                      c(s$best[[k + 1]]$sse, s$bic[k + 1]))
  tau <- s$tau; k <- length(tau); f <- gls(design(tau), w, rho); q <- qt(0.975, f$df)
  C <- t(sapply(0:k, function(i) c(0, rep(1, i + 1), rep(0, k - i)))); if (k == 0) C <- matrix(c(0, 1), 1)
  sl <- drop(C %*% f$beta); V <- C %*% f$cov %*% t(C); ss <- sqrt(diag(V))
  show(paste("selected joinpoints", paste(tau, collapse = " "), "; df"), f$df)
  show("slopes", sl); show("slope SEs", ss); show("APC", apc(sl))
  show("APC lower", apc(sl - q * ss)); show("APC upper", apc(sl + q * ss))
  wl <- diff(c(2000, tau, 2019)) / 19; m <- sum(wl * sl); sm <- sqrt(drop(t(wl) %*% V %*% wl))
  show("AAPC, lower, upper", apc(c(m, m - q * sm, m + q * sm)))
  f
}
w1 <- rep(1, n); wse <- y^2 / se^2
invisible(report("unweighted, given", w1, 0.4))
invisible(report("se weights, given", wse, 0.4))
cat("== estimated rho, unweighted ==\n")
rho <- 0
for (it in 1:50) {
  s <- select(w1, rho); f <- gls(design(s$tau), w1, rho)
  r <- z - f$fitted; nxt <- max(-0.99, min(0.99, sum(r[-1] * r[-n]) / sum(r^2)))
  if (abs(nxt - rho) < 1e-6) break
  rho <- nxt
}
show("estimated rho, fits", c(rho, it))
invisible(report("unweighted, estimated", w1, rho))
