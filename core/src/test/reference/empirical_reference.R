# Independent reference for EmpiricalQuantileIntervalsTest: empirical-quantile intervals of the APCs and the AAPC
# of a 2-joinpoint model by resampling residuals (Kim, Chen, Byrne, Wheeler, Feuer 2022, Stat Med 41:3102), written
# in base R from the description in EmpiricalQuantileIntervals' Javadoc, not from the Java code:
#   fit z = log(y) at tau = (2008, 2014) (unweighted, continuous hinge model); residuals r = z - fitted;
#   B data sets z* = fitted + r[sample with replacement]; each refitted by the exhaustive 2-joinpoint grid search
#   (NumObsEnd = NumObsBetween = 2; SSE ties to the lexicographically first combination); slopes per segment and
#   AAPC slope = sum(length_g * slope_g) / 19; limits = type-7 quantiles at 0.025, 0.975; APC = 100(exp - 1).
# Monte Carlo error of each limit: sqrt(p(1 - p)/B) / f(q), f the kernel density estimate of the resampled values
# at the quantile; the Java test allows 4 * sqrt(2) times that (two independent runs of B each).
# Rscript empirical_reference.R > empirical_reference.out   (R 4.2.2, base R only; about 30 s)
options(digits = 15)
x <- 2000:2019; n <- 20
y <- c(50.152, 52.454, 52.353, 55.686, 58.597, 59.344, 65.229, 67.110, 67.975, 67.304,
       65.251, 62.436, 59.222, 58.702, 57.472, 57.055, 60.938, 60.794, 62.060, 63.497)
z <- log(y)
design <- function(tau) { X <- cbind(1, x); for (t in tau) X <- cbind(X, pmax(x - t, 0)); X }
combos <- Filter(function(p) diff(p) >= 3, combn(3:18, 2, simplify = FALSE))
f0 <- lm(z ~ design(c(2008, 2014)) - 1)
fit <- fitted(f0); r <- z - fit
B <- 20000
set.seed(20220)
Z <- fit + matrix(sample(r, n * B, replace = TRUE), n)
sse <- sapply(combos, function(p) colSums(qr.resid(qr(design(x[p])), Z)^2))   # B x combos
best <- max.col(-sse, ties.method = "first")
slopes <- matrix(NA, B, 3); aapc <- numeric(B)
for (j in unique(best)) {
  cols <- which(best == j); tau <- x[combos[[j]]]
  b <- qr.coef(qr(design(tau)), Z[, cols, drop = FALSE])
  s <- rbind(b[2, ], b[2, ] + b[3, ], b[2, ] + b[3, ] + b[4, ])
  slopes[cols, ] <- t(s)
  len <- diff(c(2000, tau, 2019))
  aapc[cols] <- colSums(len * s) / 19
}
apc <- function(b) 100 * (exp(b) - 1)
show <- function(label, v) cat(label, ":", paste(format(v, digits = 15), collapse = ", "), "\n")
mcse <- function(v, p) { q <- quantile(v, p, type = 7); d <- density(v); f <- approx(d$x, d$y, q)$y
  sqrt(p * (1 - p) / length(v)) / f }
for (g in 1:3) {
  v <- slopes[, g]
  q <- quantile(v, c(0.025, 0.975), type = 7)
  show(sprintf("segment %d slope limits, MC SE", g), c(q, mcse(v, 0.025), mcse(v, 0.975)))
  show(sprintf("segment %d APC limits", g), apc(q))
}
q <- quantile(aapc, c(0.025, 0.975), type = 7)
show("AAPC slope limits, MC SE", c(q, mcse(aapc, 0.025), mcse(aapc, 0.975)))
show("AAPC limits", apc(q))
show("share of resamples whose joinpoints are (2008, 2014)", mean(sapply(combos[best], function(p) all(x[p] == c(2008, 2014)))))
