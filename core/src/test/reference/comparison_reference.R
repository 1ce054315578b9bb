# Independent reference for SeriesComparisonTest: tests of coincidence and parallelism of two joinpoint trends
# (Kim, Fay, Yu, Barrett, Feuer 2004, Biometrics 60:1005) as SeriesComparison's Javadoc describes them, written in
# base R from that description, not from the Java code. log scale, unweighted, NumObsEnd = NumObsBetween = 2.
# K = max of the numbers of joinpoints selected by BIC (maximum 3 = NCI default for 20 points) for A, B, and the
# pooled H0 model (coincidence: one curve; parallelism: one curve + shift of B). T = (SSE0 - SSE1)/SSE1 with
# SSE1 = SSE_A + SSE_B of separate K-joinpoint models; permuted data sets = H0 fit + H0 residuals permuted over
# all 40 observations, refitted under H0 and H1; p = (#{T* >= T} + 1)/(N + 1), N = 19999.
# Series: A = TrendTestData (joinpoint_reference.R); B1 = 0.8 x A's two-joinpoint curve with noise (parallel),
# B2 = a different shape (gen: set.seed(2004), rounded to 3 decimals; the rounded values are the data).
# Rscript comparison_reference.R > comparison_reference.out   (R 4.2.2, base R only; about 1 min)
options(digits = 15)
x <- 2000:2019
A <- c(50.152, 52.454, 52.353, 55.686, 58.597, 59.344, 65.229, 67.110, 67.975, 67.304,
       65.251, 62.436, 59.222, 58.702, 57.472, 57.055, 60.938, 60.794, 62.060, 63.497)
B1 <- c(39.674, 41.741, 43.995, 45.445, 47.662, 50.466, 52.408, 54.200, 56.446, 54.920,
        53.113, 50.897, 49.165, 47.093, 46.595, 46.961, 47.202, 49.351, 49.954, 52.682)
B2 <- c(39.650, 41.438, 40.928, 40.959, 41.244, 42.703, 41.945, 42.448, 43.695, 43.738,
        42.966, 44.583, 46.816, 47.336, 51.743, 52.661, 52.945, 56.440, 58.383, 62.267)
show <- function(label, v) cat(label, ":", paste(format(v, digits = 15), collapse = ", "), "\n")
combos <- function(k) {   # positions on the 20-point grid
  if (k == 0) return(list(integer(0)))
  Filter(function(p) k == 1 || all(diff(p) >= 3), combn(3:18, k, simplify = FALSE))
}
design <- function(xx, tau, shift = NULL) {
  X <- cbind(1, xx); for (t in tau) X <- cbind(X, pmax(xx - t, 0)); if (!is.null(shift)) X <- cbind(X, shift); X
}
sseAll <- function(X, Z) colSums(qr.resid(qr(X), Z)^2)
bestK <- function(xx, Z, k, shift = NULL) {   # best SSE per column and (for one column) the joinpoints
  cs <- combos(k); S <- sapply(cs, function(p) sseAll(design(xx, x[p], shift), Z))
  S <- matrix(S, nrow = ncol(Z)); list(sse = apply(S, 1, min), tau = x[cs[[which.min(S[1, ])]]])
}
bicSelect <- function(xx, z, shift = NULL) {
  n <- length(z)
  b <- sapply(0:3, function(k) log(bestK(xx, matrix(z), k, shift)$sse / n) + 2 * (k + 1) * log(n) / n)
  which.min(b) - 1
}
compare <- function(label, yA, yB, N = 19999, seed = 42) {
  cat("==", label, "==\n")
  zA <- log(yA); zB <- log(yB)
  xx <- rep(x, each = 2); z <- as.vector(rbind(zA, zB)); g <- rep(c(0, 1), 20)   # pooled: A before B at each x
  ka <- bicSelect(x, zA); kb <- bicSelect(x, zB); kc <- bicSelect(xx, z); kp <- bicSelect(xx, z, g)
  show("selected k: A, B, coincident, parallel", c(ka, kb, kc, kp))
  for (test in c("coincidence", "parallelism")) {
    K <- max(ka, kb, if (test == "coincidence") kc else kp)
    shift <- if (test == "parallelism") g else NULL
    h0 <- bestK(xx, matrix(z), K, shift); hA <- bestK(x, matrix(zA), K); hB <- bestK(x, matrix(zB), K)
    sse0 <- h0$sse; sse1 <- hA$sse + hB$sse; T <- (sse0 - sse1) / sse1
    p1 <- 2 * (2 * K + 2); p0 <- if (test == "coincidence") 2 * K + 2 else 2 * K + 3
    F <- ((sse0 - sse1) / (p1 - p0)) / (sse1 / (40 - p1))
    show(sprintf("%s K=%d H0 joinpoints %s, A %s, B %s; sse0 sse1 T F", test, K, paste(h0$tau, collapse = " "),
                 paste(hA$tau, collapse = " "), paste(hB$tau, collapse = " ")), c(sse0, sse1, T, F))
    f0 <- lm(z ~ design(xx, h0$tau, shift) - 1)
    show(sprintf("%s H0 coefficients", test), coef(f0))
    set.seed(seed)
    Z <- fitted(f0) + sapply(1:N, function(i) sample(resid(f0)))
    s0 <- bestK(xx, Z, K, shift)$sse
    s1 <- bestK(x, Z[g == 0, , drop = FALSE], K)$sse + bestK(x, Z[g == 1, , drop = FALSE], K)$sse
    e <- sum((s0 - s1) / s1 >= T * (1 - 1e-9))
    show(sprintf("%s exceed, p", test), c(e, (e + 1) / (N + 1)))
  }
}
compare("A vs B1 (parallel by construction)", A, B1)
compare("A vs B2 (different shape)", A, B2)
