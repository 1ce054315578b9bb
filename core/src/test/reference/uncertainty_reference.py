# Reference values for org.drugstats.core.stats.uncertainty tests.
# Run once with: /usr/bin/python3 uncertainty_reference.py  (numpy 1.24.2, scipy 1.10.1, Debian 12)
import numpy as np
from scipy import stats, integrate, optimize

Z = 1.96

def ln_fit(low, best, high):
    return np.log(best), (np.log(high) - np.log(low)) / (2 * Z)

# 1. Lognormal fit of (1, 2, 4): quantiles
mu, s = ln_fit(1, 2, 4)
d = stats.lognorm(s=s, scale=np.exp(mu))
print("lognormal(1,2,4) ppf 0.025, 0.5, 0.975, mean:", repr(d.ppf(0.025)), repr(d.ppf(0.5)), repr(d.ppf(0.975)), repr(d.mean()))

# 2. PERT fit of (2, 3, 10): alpha = 1 + 4(best-low)/(high-low), beta = 1 + 4(high-best)/(high-low)
a, c, b = 2.0, 3.0, 10.0
al = 1 + 4 * (c - a) / (b - a); be = 1 + 4 * (b - c) / (b - a)
p = stats.beta(al, be, loc=a, scale=b - a)
mode = a + (b - a) * (al - 1) / (al + be - 2)
print("PERT(2,3,10) alpha, beta:", al, be)
print("PERT mean, mode, ppf 0.025, 0.975:", repr(p.mean()), repr(mode), repr(p.ppf(0.025)), repr(p.ppf(0.975)))

# 3. Triangular (2, 3, 10)
t = stats.triang(c=(c - a) / (b - a), loc=a, scale=b - a)
print("triangular(2,3,10) mean, ppf 0.025, 0.975:", repr(t.mean()), repr(t.ppf(0.025)), repr(t.ppf(0.975)))

# 4. Ratio of independent lognormals is lognormal: X from (50, 100, 200), Y from (400, 500, 625)
m1, s1 = ln_fit(50, 100, 200)
m2, s2 = ln_fit(400, 500, 625)
r = stats.lognorm(s=np.hypot(s1, s2), scale=np.exp(m1 - m2))
print("ratio X/Y ppf 0.025, 0.5, 0.975:", repr(r.ppf(0.025)), repr(r.ppf(0.5)), repr(r.ppf(0.975)))

# 5. Sum of independent lognormals: X from (50, 100, 200), Y from (20, 40, 80)
m3, s3 = ln_fit(20, 40, 80)
X = stats.lognorm(s=s1, scale=np.exp(m1)); Y = stats.lognorm(s=s3, scale=np.exp(m3))
print("sum mean exact:", repr(X.mean() + Y.mean()))
# Fenton-Wilkinson: match mean and variance of the sum with one lognormal
M = X.mean() + Y.mean(); V = X.var() + Y.var()
sfw = np.sqrt(np.log(1 + V / M**2)); mfw = np.log(M) - sfw**2 / 2
fw = stats.lognorm(s=sfw, scale=np.exp(mfw))
print("Fenton-Wilkinson ppf 0.025, 0.5, 0.975:", repr(fw.ppf(0.025)), repr(fw.ppf(0.5)), repr(fw.ppf(0.975)))
# Exact quantiles of the sum by numeric integration: P(X+Y<=s) = int_0^s F_X(s-y) f_Y(y) dy
def cdf_sum(sv):
    return integrate.quad(lambda y: X.cdf(sv - y) * Y.pdf(y), 0, sv, limit=200, epsabs=1e-12)[0]
for q in (0.025, 0.5, 0.975):
    sq = optimize.brentq(lambda sv: cdf_sum(sv) - q, 1, 2000, xtol=1e-10)
    print("sum exact quantile", q, repr(sq))
