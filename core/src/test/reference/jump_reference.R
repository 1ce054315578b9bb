# Independent reference for JumpModelTest: the Joinpoint-Jump and Joinpoint-Comparability Ratio models
# (Chen et al. 2020, J. Off. Stat. 36:49-62) by brute force with base R (lm, qr), written from the model definition,
# not from the Java code:
#   z = b0 + b1 x + sum d_j (x - tau_j)+ + g 1(x > J),  J = 1998.5,  z = log(y)
# joinpoints on the grid of observed x, NumObsEnd = NumObsBetween = 2 (0-based positions: first >= 2, last <= m-3,
# consecutive >= 3 apart); BIC, BIC3, WBIC with R2max = largest partial R^2 of the hinge given (1, x, step) on the
# observations after the previous joinpoint up to and including the next one (series ends at the ends).
# The series: simulated once (gen: set.seed(1998), log(12) + 0.02 t - 0.05 (x-2006)+ + log(0.93) 1(x>1998.5)
# + N(0, 0.012^2), rounded to 3 decimals; SEs 1-2.5% of y rounded to 4 decimals); the rounded values are the data.
# Rscript jump_reference.R > jump_reference.out   (R 4.2.2, base R only; about 1 min for the permutation part)
options(digits = 15)
x <- 1990:2014; n <- length(x); J <- 1998.5
y <- c(11.744, 12.014, 12.723, 12.329, 13.211, 13.163, 13.492, 13.814, 14.191, 13.172, 13.763, 14.035, 14.535,
       14.312, 14.849, 15.056, 15.503, 14.931, 14.328, 13.836, 13.606, 13.160, 12.606, 12.664, 12.201)
se <- c(0.2178, 0.1494, 0.1769, 0.2139, 0.1612, 0.1417, 0.1471, 0.1612, 0.2587, 0.2680, 0.3404, 0.3481, 0.2012,
        0.3492, 0.2896, 0.2441, 0.2733, 0.2200, 0.2408, 0.2631, 0.3359, 0.1399, 0.2546, 0.2193, 0.2833)
step <- as.numeric(x > J)
show <- function(label, v) cat(label, ":", paste(format(v, digits = 15), collapse = ", "), "\n")
apc <- function(b) 100 * (exp(b) - 1)
combos <- function(k, E = 2, B = 2) {
  pos <- (E + 1):(n - E)            # 1-based positions of allowed joinpoints
  if (k == 0) return(list(integer(0)))
  cs <- combn(pos, k, simplify = FALSE)
  Filter(function(p) k == 1 || all(diff(p) >= B + 1), cs)
}
design <- function(tau, jump = TRUE) {
  X <- cbind(1, x)
  for (t in tau) X <- cbind(X, pmax(x - t, 0))
  if (jump) X <- cbind(X, step)
  X
}
partialR2 <- function(tau, z, w) {
  k <- length(tau); best <- 0
  for (i in seq_len(k)) {
    lo <- if (i == 1) -Inf else tau[i - 1]; hi <- if (i == k) Inf else tau[i + 1]
    s <- x > lo & x <= hi
    h <- pmax(x - tau[i], 0)
    Z <- cbind(1, x)[s, ]
    if (length(unique(step[s])) > 1) Z <- cbind(Z, step[s])
    rz <- resid(lm(z[s] ~ Z - 1, weights = w[s])); rh <- resid(lm(h[s] ~ Z - 1, weights = w[s]))
    r2 <- sum(w[s] * rz * rh)^2 / (sum(w[s] * rz^2) * sum(w[s] * rh^2))
    best <- max(best, r2)
  }
  best
}
select <- function(label, z, w, K = 4) {
  cat("==", label, "==\n")
  res <- NULL
  for (k in 0:K) {
    cs <- combos(k)
    sse <- sapply(cs, function(p) deviance(lm(z ~ design(x[p]) - 1, weights = w)))
    p <- cs[[which.min(sse)]]; s <- min(sse)
    r2 <- if (k == 0) 0 else partialR2(x[p], z, w)
    base <- log(s / n); l <- log(n) / n
    row <- c(k, s, base + 2 * (k + 1) * l, base + (3 * k + 2) * l, r2, base + ((2 + r2) * k + 2) * l)
    show(sprintf("k=%d joinpoints %s; sse bic bic3 r2max wbic", k, paste(x[p], collapse = " ")), row)
    res <- rbind(res, row)
  }
  show("selected k by bic, bic3, wbic", c(which.min(res[, 3]), which.min(res[, 4]), which.min(res[, 6])) - 1)
}
report <- function(label, z, w, tau) {
  cat("==", label, "at joinpoints", tau, "==\n")
  f <- lm(z ~ design(tau) - 1, weights = w)
  k <- length(tau); b <- coef(f); V <- vcov(f); df <- f$df.residual; q <- qt(0.975, df)
  g <- b[length(b)]; sg <- sqrt(V[length(b), length(b)])
  show("jump value, se, lower, upper, t, p, df", c(g, sg, g - q * sg, g + q * sg, g / sg, 2 * pt(-abs(g / sg), df), df))
  show("CR, cr_se, cr_lower, cr_upper", c(exp(g), exp(g) * sg, exp(g - q * sg), exp(g + q * sg)))
  C <- t(sapply(0:k, function(i) c(0, rep(1, i + 1), rep(0, k - i), 0)))
  sl <- drop(C %*% b); Vs <- C %*% V %*% t(C); ss <- sqrt(diag(Vs))
  show("slopes", sl); show("slope SEs", ss)
  show("APC", apc(sl)); show("APC lower", apc(sl - q * ss)); show("APC upper", apc(sl + q * ss))
  show("slope p", 2 * pt(-abs(sl / ss), df))
  ends <- c(min(x), tau, max(x)); wl <- diff(ends) / (max(x) - min(x))
  m <- sum(wl * sl); sm <- sqrt(drop(t(wl) %*% Vs %*% wl))
  show("AAPC, lower, upper (t, full covariance)", apc(c(m, m - q * sm, m + q * sm)))
}
z <- log(y); w1 <- rep(1, n); wse <- y^2 / se^2
select("unweighted log", z, w1)
select("se-weighted log (w = y^2/se^2)", z, wse)
report("unweighted log", z, w1, c(2006))
report("se-weighted log", z, wse, c(2006))
select("unweighted linear", y, w1)
report("unweighted linear", y, w1, c(2006))

cat("== comparability-ratio model: CR = 0.9677, Var(CR) = 0.0032^2, se weights ==\n")
cr <- 0.9677; vcr <- 0.0032^2; b4 <- x < J
ya <- ifelse(b4, cr * y, y); sea <- ifelse(b4, sqrt(cr^2 * se^2 + y^2 * vcr), se)
za <- log(ya); wa <- ya^2 / sea^2
for (k in 0:4) {
  cs <- combos(k)
  sse <- sapply(cs, function(p) deviance(lm(za ~ design(x[p], FALSE) - 1, weights = wa)))
  p <- cs[[which.min(sse)]]
  show(sprintf("CR model k=%d joinpoints %s sse", k, paste(x[p], collapse = " ")), min(sse))
}
fa <- lm(za ~ design(2006, FALSE) - 1, weights = wa)
C <- rbind(c(0, 1, 0), c(0, 1, 1)); sl <- drop(C %*% coef(fa)); ss <- sqrt(diag(C %*% vcov(fa) %*% t(C)))
show("CR model slopes at 2006 (conditional SEs)", c(sl, ss))
gse <- sqrt(vcr) / cr; zq <- qnorm(0.975)
show("CR fields: ln CR, se, lower, upper, t, p", c(log(cr), gse, log(cr) - zq * gse, log(cr) + zq * gse, log(cr) / gse,
                                                    2 * pnorm(-abs(log(cr) / gse))))
show("CR fields: cr_lower, cr_upper", exp(c(log(cr) - zq * gse, log(cr) + zq * gse)))

cat("== permutation test H0: 0 vs H1: 2 joinpoints, with the jump, unweighted, N = 19999 ==\n")
permT <- function(z, ka, kb, N = 19999, seed = 17) {
  sse <- function(X, Z) { q <- qr(X); colSums(qr.resid(q, Z)^2) }
  best <- function(k, Z) do.call(pmin, c(lapply(combos(k), function(p) sse(design(x[p]), Z)), list(rep(Inf, ncol(Z)))))
  Zo <- matrix(z)
  ca <- combos(ka); sa <- sapply(ca, function(p) sse(design(x[p]), Zo)); pa <- ca[[which.min(sa)]]
  fa <- lm(z ~ design(x[pa]) - 1)
  Tobs <- (min(sa) - best(kb, Zo)) / best(kb, Zo)
  r <- z - fitted(fa)
  set.seed(seed)
  Z <- fitted(fa) + sapply(1:N, function(i) sample(r))
  Tp <- (best(ka, Z) - best(kb, Z)) / best(kb, Z)
  e <- sum(Tp >= Tobs * (1 - 1e-9))
  show(sprintf("ka=%d kb=%d T, exceed, p", ka, kb), c(Tobs, e, (e + 1) / (N + 1)))
}
permT(z, 0, 2)
permT(z, 1, 2)
