# Reference values for LogLinearTrendTest and JoinpointTest.
# Run once: Rscript joinpoint_reference.R   (R 4.2.2, stats::lm only)
options(digits = 15)
x <- 2000:2019
y <- c(50.152, 52.454, 52.353, 55.686, 58.597, 59.344, 65.229, 67.110, 67.975, 67.304,
       65.251, 62.436, 59.222, 58.702, 57.472, 57.055, 60.938, 60.794, 62.060, 63.497)
se <- c(0.9038, 0.6865, 0.7123, 1.6057, 1.8692, 1.9792, 1.0758, 1.5703, 0.9034, 2.3540,
        0.7074, 0.6347, 2.2368, 0.9568, 1.8789, 1.1770, 1.1069, 1.4387, 0.9758, 1.7389)
n <- length(x)
show <- function(label, v) cat(label, ":", paste(format(v, digits = 15), collapse = ", "), "\n")
apc <- function(b) 100 * (exp(b) - 1)

loglin <- function(label, fit) {
  s <- summary(fit)$coefficients
  ci <- confint(fit)["x", ]
  show(paste(label, "coef b0 b1"), coef(fit))
  show(paste(label, "se b1, df, p"), c(s["x", 2], fit$df.residual, s["x", 4]))
  show(paste(label, "APC, lower, upper"), apc(c(coef(fit)[2], ci)))
}
cat("== log-linear ==\n")
loglin("unweighted lm(log(y) ~ x)", lm(log(y) ~ x))
loglin("se weights lm(log(y) ~ x, weights = y^2/se^2)", lm(log(y) ~ x, weights = y^2 / se^2))
loglin("poisson weights lm(log(y) ~ x, weights = y)", lm(log(y) ~ x, weights = y))
f <- lm(y ~ x, weights = 1 / se^2)
show("linear lm(y ~ x, weights = 1/se^2) coef", coef(f))
show("linear se, lower, upper, p", c(summary(f)$coefficients["x", 2], confint(f)["x", ], summary(f)$coefficients["x", 4]))

cat("== hinge fit at tau = 2008, 2014 ==\n")
hinge <- function(tau, w = rep(1, n), z = log(y)) {
  X <- cbind(1, x)
  for (t in tau) X <- cbind(X, pmax(x - t, 0))
  lm(z ~ X - 1, weights = w)
}
segstats <- function(fit, k) {
  V <- vcov(fit)
  b <- coef(fit)
  out <- NULL
  for (i in 0:k) {
    c <- c(0, rep(1, i + 1), rep(0, k - i))
    out <- rbind(out, c(sum(c * b), sqrt(drop(t(c) %*% V %*% c))))
  }
  out
}
fh <- hinge(c(2008, 2014))
show("coef b0 b1 d1 d2", coef(fh))
show("SSE", deviance(fh))
st <- segstats(fh, 2)
show("conditional slopes", st[, 1])
show("conditional slope SEs (df n-4)", st[, 2])
show("conditional APC lower (t, df 16)", apc(st[, 1] - qt(0.975, 16) * st[, 2]))
show("conditional APC upper", apc(st[, 1] + qt(0.975, 16) * st[, 2]))
# AAPC over full range with full covariance (conditional), weights = segment lengths 8, 6, 5 of 19
w <- c(8, 6, 5) / 19
Vs <- NULL
k <- 2
Cm <- t(sapply(0:k, function(i) c(0, rep(1, i + 1), rep(0, k - i))))
Vs <- Cm %*% vcov(fh) %*% t(Cm)
m <- sum(w * st[, 1]); sm <- sqrt(drop(t(w) %*% Vs %*% w))
show("conditional AAPC, lower, upper (t16)", apc(c(m, m - qt(0.975, 16) * sm, m + qt(0.975, 16) * sm)))
# AAPC over [2004, 2016]: lengths 4, 6, 2 of 12
w2 <- c(4, 6, 2) / 12
m2 <- sum(w2 * st[, 1]); sm2 <- sqrt(drop(t(w2) %*% Vs %*% w2))
show("conditional AAPC 2004-2016, lower, upper", apc(c(m2, m2 - qt(0.975, 16) * sm2, m2 + qt(0.975, 16) * sm2)))

cat("== NCI segmented SEs (points on joinpoints deleted, separate lines, pooled variance) ==\n")
keep <- !(x %in% c(2008, 2014))
seg <- factor(ifelse(x < 2008, 1, ifelse(x < 2014, 2, 3)))
fg <- lm(log(y) ~ 0 + seg + seg:x, subset = keep)
sg <- summary(fg)$coefficients
show("NCI slope SEs", sg[c("seg1:x", "seg2:x", "seg3:x"), 2])
show("NCI df", fg$df.residual)
d <- fg$df.residual
show("NCI APC lower (t, df)", apc(st[, 1] - qt(0.975, d) * sg[c("seg1:x", "seg2:x", "seg3:x"), 2]))
show("NCI APC upper", apc(st[, 1] + qt(0.975, d) * sg[c("seg1:x", "seg2:x", "seg3:x"), 2]))
show("NCI p-values (slope from continuous fit)", 2 * pt(-abs(st[, 1] / sg[c("seg1:x", "seg2:x", "seg3:x"), 2]), d))
sen <- sg[c("seg1:x", "seg2:x", "seg3:x"), 2]
m <- sum(w * st[, 1]); sm <- sqrt(sum(w^2 * sen^2))
show("NCI AAPC, lower, upper (z)", apc(c(m, m - qnorm(0.975) * sm, m + qnorm(0.975) * sm)))

cat("== weighted hinge fit at tau = 2008, 2014, w = y^2/se^2 ==\n")
fw <- hinge(c(2008, 2014), w = y^2 / se^2)
show("coef", coef(fw))
show("weighted SSE", deviance(fw))
stw <- segstats(fw, 2)
show("conditional slopes", stw[, 1])
show("conditional SEs", stw[, 2])
fgw <- lm(log(y) ~ 0 + seg + seg:x, subset = keep, weights = y^2 / se^2)
show("NCI weighted slope SEs", summary(fgw)$coefficients[c("seg1:x", "seg2:x", "seg3:x"), 2])

cat("== exhaustive grid search, E = 2, B = 2 ==\n")
combos <- function(k, m = n, E = 2, B = 2) {
  pos <- (E + 1):(m - E)          # 1-based grid positions allowed
  if (k == 0) return(list(integer(0)))
  cs <- combn(pos, k, simplify = FALSE)
  Filter(function(p) k == 1 || all(diff(p) >= B + 1), cs)
}
partialR2 <- function(tau, w, z) {
  k <- length(tau); best <- 0
  for (i in seq_len(k)) {
    lo <- if (i == 1) -Inf else tau[i - 1]
    hi <- if (i == k) Inf else tau[i + 1]
    s <- x > lo & x <= hi
    h <- pmax(x - tau[i], 0)
    ry <- resid(lm(z[s] ~ x[s], weights = w[s]))
    rh <- resid(lm(h[s] ~ x[s], weights = w[s]))
    r2 <- sum(w[s] * ry * rh)^2 / (sum(w[s] * ry^2) * sum(w[s] * rh^2))
    best <- max(best, r2)
  }
  best
}
grid <- function(label, w) {
  z <- log(y)
  for (k in 0:3) {
    cs <- combos(k)
    sse <- sapply(cs, function(p) deviance(hinge(x[p], w = w)))
    b <- which.min(sse)
    tau <- x[cs[[b]]]
    r2 <- if (k == 0) 0 else partialR2(tau, w, z)
    bic <- log(sse[b] / n) + 2 * (k + 1) * log(n) / n
    bic3 <- log(sse[b] / n) + (3 * k + 2) * log(n) / n
    wbic <- log(sse[b] / n) + ((2 + r2) * k + 2) * log(n) / n
    cat(label, "k =", k, "combos", length(cs), "tau", tau, "\n")
    show("   SSE, BIC, BIC3, R2max, WBIC", c(sse[b], bic, bic3, r2, wbic))
  }
}
grid("unweighted", rep(1, n))
grid("weighted y^2/se^2", y^2 / se^2)
