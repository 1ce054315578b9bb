# Reference values for MannKendallTest, by the textbook formulas written out independently here
# (R package 'trend' is not packaged for Debian 12; this mirrors trend::mk.test / trend::sens.slope,
# which use the same S, Var(S), continuity correction and the rank rule nl = round((N - C)/2),
# nu = round((N + C)/2 + 1)).  Rscript mann_kendall_reference.R   (R 4.2.2)
options(digits = 15)
mk <- function(x, y, alpha = 0.05, season = rep(0, length(x))) {
  S <- 0; V <- 0; slopes <- c(); pairs <- 0
  for (g in unique(season)) {
    s <- season == g; xs <- x[s]; ys <- y[s]; n <- length(ys)
    if (n < 2) next
    for (j in 2:n) for (i in 1:(j - 1)) {
      S <- S + sign(ys[j] - ys[i]); slopes <- c(slopes, (ys[j] - ys[i]) / (xs[j] - xs[i]))
    }
    t <- table(ys)
    V <- V + (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5))) / 18
    pairs <- pairs + n * (n - 1) / 2
  }
  z <- if (S > 0) (S - 1) / sqrt(V) else if (S < 0) (S + 1) / sqrt(V) else 0
  d <- sort(slopes); N <- length(d); C <- qnorm(1 - alpha / 2) * sqrt(V)
  b <- median(d)
  c(S = S, varS = V, z = z, p = 2 * pnorm(-abs(z)), tau = S / pairs, sen = b,
    lower = d[round((N - C) / 2)], upper = d[round((N + C) / 2 + 1)],
    conover = median(y) - b * median(x), medres = median(y - b * x))
}
show <- function(label, v) { cat(label, "\n"); print(v) }
x1 <- 2000:2019
y1 <- c(50.152, 52.454, 52.353, 55.686, 58.597, 59.344, 65.229, 67.110, 67.975, 67.304,
        65.251, 62.436, 59.222, 58.702, 57.472, 57.055, 60.938, 60.794, 62.060, 63.497)
show("series 1 (TrendTestData)", mk(x1, y1))
# ties in y, a gap in x (2003 missing), alpha 0.1
x2 <- c(2000, 2001, 2002, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014)
y2 <- c(12, 14, 14, 13, 15, 17, 17, 17, 16, 19, 18, 21, 21, 20)
show("series 2 (ties, gap, alpha 0.1)", mk(x2, y2, alpha = 0.1))
# seasonal: months 0..35, period 12
x3 <- 0:35
set.seed(3)
y3 <- round(10 + 0.05 * x3 + 3 * sin(2 * pi * x3 / 12) + rnorm(36, 0, 0.6), 1)
cat("y3 <- c(", paste(y3, collapse = ", "), ")\n")
show("series 3 seasonal P = 12", mk(x3, y3, season = x3 %% 12))
# review: signed zeros are ties (R: sign(0 - -0) == 0; table() groups -0 with 0)
x4 <- 1:7
y4 <- c(0, -0, 1, 1, 2, -0, 3)
show("series 4 (signed zeros)", mk(x4, y4))
