# Reference values for CountTrendTest.  Rscript count_trend_reference.R  (R 4.2.2, MASS 7.3-58.2)
options(digits = 15)
library(MASS)
t <- 2005:2019
pop <- c(1210, 1224, 1239, 1251, 1266, 1280, 1297, 1310, 1322, 1339, 1351, 1366, 1380, 1392, 1407) * 1000
deaths <- c(48, 61, 55, 70, 52, 81, 77, 64, 90, 85, 71, 104, 98, 87, 120)
show <- function(label, v) { cat(label, "\n"); print(v) }
fp <- glm(deaths ~ t + offset(log(pop)), family = poisson)
show("poisson coef", coef(fp))
show("poisson se / z p", summary(fp)$coefficients[, c(2, 4)])
show("poisson deviance, pearson", c(deviance(fp), sum(residuals(fp, "pearson")^2)))
show("poisson APC and confint.default", 100 * (exp(c(coef(fp)[2], confint.default(fp)["t", ])) - 1))
fq <- glm(deaths ~ t + offset(log(pop)), family = quasipoisson)
s <- summary(fq)
show("quasi dispersion", s$dispersion)
show("quasi se / t p", s$coefficients[, c(2, 4)])
ci <- coef(fq)[2] + c(-1, 1) * qt(0.975, fq$df.residual) * s$coefficients[2, 2]
show("quasi APC and t interval", 100 * (exp(c(coef(fq)[2], ci)) - 1))
fn <- glm.nb(deaths ~ t + offset(log(pop)))
show("nb coef", coef(fn))
show("nb se / z p", summary(fn)$coefficients[, c(2, 4)])
show("nb theta, SE.theta, deviance", c(fn$theta, fn$SE.theta, deviance(fn)))
show("nb APC and confint.default", 100 * (exp(c(coef(fn)[2], confint.default(fn)["t", ])) - 1))
# without offset, one missing year dropped
show("poisson no offset coef (2007 dropped)", coef(glm(deaths[-3] ~ t[-3], family = poisson)))
