# Independent implementation of the permutation test of Kim, Fay, Feuer and Midthune (2000) for
# JoinpointPermutationTest.pValuesMatchAnIndependentRImplementation: one test H0: ka vs H1: kb, statistic
# (SSE_a - SSE_b)/SSE_b of the best fits over the grid (NumObsEnd = NumObsBetween = 2), permuted data sets =
# fit of the best ka-joinpoint model + permuted standardised residuals sqrt(w)(z - fit), rescaled by 1/sqrt(w);
# p = (#{T* >= T} + 1)/(N + 1). SSEs by qr.resid on all permuted data sets at once.
# Rscript permutation_reference.R   (R 4.2.2, base R only; about 25 s)
options(digits = 15)
x <- 2000:2019; n <- 20
combos <- function(k, m = n, E = 2, B = 2) {
  pos <- (E + 1):(m - E)
  if (k == 0) return(list(integer(0)))
  cs <- combn(pos, k, simplify = FALSE)
  Filter(function(p) k == 1 || all(diff(p) >= B + 1), cs)
}
design <- function(p) { X <- cbind(1, x); for (t in x[p]) X <- cbind(X, pmax(x - t, 0)); X }
perm_test <- function(y, ka, kb, w = rep(1, n), N = 49999, seed = 1) {
  z <- log(y); sw <- sqrt(w)
  sse <- function(X, Z) { q <- qr(sw * X); colSums(qr.resid(q, sw * Z)^2) }
  best <- function(k, Z) do.call(pmin, c(lapply(combos(k), function(p) sse(design(p), Z)), list(rep(Inf, ncol(Z)))))
  Zo <- matrix(z)
  ca <- combos(ka); sa <- sapply(ca, function(p) sse(design(p), Zo)); pa <- ca[[which.min(sa)]]
  fa <- lm(z ~ design(pa) - 1, weights = w)
  Tobs <- (min(sa) - best(kb, Zo)) / best(kb, Zo)
  r <- sw * (z - fitted(fa))
  set.seed(seed)
  Z <- fitted(fa) + sapply(1:N, function(i) sample(r)) / sw
  Tp <- (best(ka, Z) - best(kb, Z)) / best(kb, Z)
  e <- sum(Tp >= Tobs * (1 - 1e-9))
  c(ka = ka, kb = kb, nullJP = if (ka > 0) x[pa] else NA, T = Tobs, exceed = e, p = (e + 1) / (N + 1))
}
cat("== A: one moderate change of slope, 0 vs 1, unweighted and weighted by y^2/se^2 ==\n")
set.seed(11)
yA <- round(exp(3 + 0.02 * (x - 2000) - 0.008 * pmax(x - 2010, 0) + rnorm(n, 0, 0.03)), 3)
seA <- round(yA * runif(n, 0.01, 0.05), 4)
cat("yA <- c(", paste(yA, collapse = ", "), ")\n")
cat("seA <- c(", paste(seA, collapse = ", "), ")\n")
print(perm_test(yA, 0, 1))
print(perm_test(yA, 0, 1, w = yA^2 / seA^2))
cat("== B: two changes, 1 vs 2 (null model with one joinpoint) ==\n")
set.seed(21)
yB <- round(exp(3 + 0.03 * (x - 2000) - 0.05 * pmax(x - 2006, 0) + 0.025 * pmax(x - 2013, 0) + rnorm(n, 0, 0.02)), 3)
cat("yB <- c(", paste(yB, collapse = ", "), ")\n")
print(perm_test(yB, 1, 2))
