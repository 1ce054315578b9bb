# Independent reference for DeathsJoinpointTest: the NCHS age-adjusted drug-poisoning death rate of the United
# States, 1999-2017, fitted as NCI's Joinpoint program does for age-adjusted rates with standard errors:
# ln(rate) by weighted least squares, weights rate^2/SE^2; joinpoints on the observed years with at least 2
# observations between a joinpoint and either end and between joinpoints (excluding the joinpoints); up to 3
# joinpoints (NCI default for 19 points); model chosen by BIC = ln(SSE/n) + 2(k+1) ln(n)/n; segment slopes from
# the continuous fit; their standard errors as the NCI help documents (observations on a joinpoint deleted, each
# segment fitted alone, residual variance pooled with d = n* - p* degrees of freedom, t intervals); AAPC with the
# normal quantile and Var = sum w_i^2 SE_i^2 (Clegg et al. 2009); with no joinpoint the AAPC is the APC.
# Written from those definitions with stats::lm and an exhaustive search, no joinpoint package.
# Run from the project root: Rscript core/src/test/reference/deaths_joinpoint_reference.R ../shared/data
#   (R 4.2.2) > core/src/test/reference/deaths_joinpoint_reference.out
options(digits = 15)
args <- commandArgs(trailingOnly = TRUE)
shared <- if (length(args) > 0) args[1] else "../shared/data"
d <- read.csv(file.path(shared, "deaths/nchs-drug-poisoning-mortality-by-state-1999-2017.csv"), check.names = FALSE,
              encoding = "UTF-8")

fit_state <- function(state) {
  s <- d[d$State == state & d$Sex == "Both Sexes" & d$`Age Group` == "All Ages" &
         d$`Race and Hispanic Origin` == "All Races-All Origins", ]
  s <- s[order(s$Year), ]
  x <- s$Year; y <- s$`Age-adjusted Rate`; se <- s$`Standard Error Age-adjusted Rate`
  n <- length(x); z <- log(y); w <- y^2 / se^2
  hinge <- function(tau) {
    X <- cbind(1, x)
    for (t in tau) X <- cbind(X, pmax(x - t, 0))
    lm.wfit(X, z, w)
  }
  best <- list(bic = Inf)
  cands <- x[3:(n - 2)]  # 2 observations before and after, excluding the joinpoint
  for (k in 0:3) {
    combos <- if (k == 0) list(numeric(0)) else combn(cands, k, simplify = FALSE)
    for (tau in combos) {
      if (k > 1 && any(diff(tau) < 3)) next  # 2 observations between joinpoints
      f <- hinge(tau)
      sse <- sum(w * f$residuals^2)
      bic <- log(sse / n) + 2 * (k + 1) * log(n) / n
      if (bic < best$bic - 1e-12) best <- list(bic = bic, tau = tau, coef = f$coefficients, k = k)
    }
  }
  k <- best$k; tau <- best$tau; b <- best$coef
  slopes <- cumsum(b[-1])
  bounds <- c(min(x), tau, max(x))
  # NCI segmented inference: drop observations on joinpoints, fit each segment alone, pool the variance
  keep <- !(x %in% tau)
  ssq <- 0; sxx <- numeric(k + 1); nstar <- sum(keep)
  for (i in 1:(k + 1)) {
    inseg <- keep & x >= bounds[i] & x <= bounds[i + 1]
    xs <- x[inseg]; zs <- z[inseg]; ws <- w[inseg]
    f <- lm(zs ~ xs, weights = ws)
    ssq <- ssq + sum(ws * residuals(f)^2)
    xm <- sum(ws * xs) / sum(ws)
    sxx[i] <- sum(ws * (xs - xm)^2)
  }
  df <- nstar - 2 * (k + 1)
  sigma2 <- ssq / df
  sse_seg <- sqrt(sigma2 / sxx)
  q <- qt(0.975, df)
  apc <- 100 * (exp(slopes) - 1)
  lo <- 100 * (exp(slopes - q * sse_seg) - 1)
  hi <- 100 * (exp(slopes + q * sse_seg) - 1)
  wts <- diff(bounds) / (max(x) - min(x))
  m <- sum(wts * slopes); v <- sum(wts^2 * sse_seg^2)
  aapc <- 100 * (exp(c(m, m - qnorm(0.975) * sqrt(v), m + qnorm(0.975) * sqrt(v))) - 1)
  if (k == 0) aapc <- c(apc, lo, hi)  # one segment: the AAPC is its APC, with its t interval (as NCI reports)
  cat(state, "joinpoints:", paste(tau, collapse = ", "), "\n")
  cat(state, "APC:", paste(format(apc, digits = 15), collapse = ", "), "\n")
  cat(state, "APC lower:", paste(format(lo, digits = 15), collapse = ", "), "\n")
  cat(state, "APC upper:", paste(format(hi, digits = 15), collapse = ", "), "\n")
  cat(state, "AAPC, lower, upper:", paste(format(aapc, digits = 15), collapse = ", "), "\n")
}
cat(R.version.string, "\n")
fit_state("United States")
fit_state("West Virginia")
fit_state("Alabama")
