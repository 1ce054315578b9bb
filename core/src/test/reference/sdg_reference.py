# Reference values for org.drugstats.core.stats.sdg tests.
# Run once: /usr/bin/python3 sdg_reference.py   (numpy 1.24.2, scipy 1.10.1)
import numpy as np
from scipy import stats

Z = 1.96
def ln_sigma(lo, hi): return (np.log(hi) - np.log(lo)) / (2 * Z)

# 1. Coverage = treated / disorders * 100, both lognormal (log-symmetric ranges): exactly lognormal
s = np.hypot(ln_sigma(800, 1250), ln_sigma(4000, 6250))
cov = stats.lognorm(s=s, scale=1000 / 5000 * 100)
print("coverage ppf 0.025, 0.5, 0.975:", repr(cov.ppf(0.025)), repr(cov.ppf(0.5)), repr(cov.ppf(0.975)))
gap_lo, gap_hi = 100 - cov.ppf(0.975), 100 - cov.ppf(0.025)
print("gap 2.5%, 97.5%:", repr(gap_lo), repr(gap_hi))

# 2. Market balance by Monte Carlo with the fits of RangeFit.AUTO:
#    production (400, 500, 700) PERT, imports 50 exact, exports (20, 30, 40) PERT, seizures 100 exact,
#    consumption (250, 300, 360) lognormal (log-symmetric)
rng = np.random.default_rng(20261122)
N = 4_000_000
def pert(a, c, b, n):
    al = 1 + 4 * (c - a) / (b - a); be = 1 + 4 * (b - c) / (b - a)
    return a + (b - a) * stats.beta(al, be).rvs(size=n, random_state=rng)
prod = pert(400, 500, 700, N); imp = 50.0; exp_ = pert(20, 30, 40, N); seiz = 100.0
cons = stats.lognorm(s=ln_sigma(250, 360), scale=300).rvs(size=N, random_state=rng)
res = prod + imp - exp_ - seiz - cons
rel = 1 - (exp_ + seiz + cons) / (prod + imp)
print("residual 2.5/50/97.5:", repr(np.percentile(res, [2.5, 50, 97.5])))
print("relative 2.5/50/97.5:", repr(np.percentile(rel, [2.5, 50, 97.5])))

# 3. SDG 16.4.1 totals of the flows in IllicitFlowTotalsTest (country, region, year, direction, type, low, best, high)
flows = [("A", "R1", 2019, "in", "gen", 10, 12, 15), ("A", "R1", 2019, "out", "man", 1, 2, 3),
         ("B", "R1", 2019, "out", "gen", 5, 5, 5), ("C", "R2", 2019, "in", "gen", 100, 110, 130),
         ("A", "R1", 2020, "in", "gen", 11, 13, 16)]
from collections import defaultdict
tot = defaultdict(lambda: np.zeros(3)); cnt = defaultdict(set)
for c, r, y, d, t, lo, be, hi in flows:
    for key in ((c, y), (r, y), ("World", y)):
        tot[key] += (lo, be, hi); cnt[key].add(c)
for k in sorted(tot, key=str): print("flows", k, tot[k], len(cnt[k]))
