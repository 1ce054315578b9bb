"""Reference values for TrackerRulesTest (core/src/test/java/org/drugstats/core/tracker/).

Independent of drugstats: Mann-Kendall S, its variance, the continuity-corrected normal p-value and Sen's slope are
computed from their textbook definitions (Mann 1945, Kendall 1975, Sen 1968) with numpy; scipy.stats.kendalltau and
scipy.stats.theilslopes cross-check tau and the slope; the APC comes from scipy.stats.linregress on ln(y).
Run: python3 tracker_reference.py   (Python 3.11, numpy 2.4.6, scipy 1.17.1). Output is pasted in the test.
"""
import itertools
import math

import numpy as np
from scipy import stats

FIXTURES = {
    "rising": ([2019, 2020, 2021, 2022, 2023], [100.0, 112.0, 118.0, 131.0, 150.0]),
    "falling": ([2018, 2019, 2020, 2021, 2022, 2023], [90.0, 80.0, 75.0, 70.0, 66.0, 60.0]),
    "flat": ([2019, 2020, 2021, 2022, 2023], [50.0, 55.0, 48.0, 53.0, 51.0]),
    "apc3": ([2019, 2021, 2023], [10.0, 12.0, 14.5]),
    "apc4flat": ([2019, 2020, 2022, 2023], [10.0, 14.0, 9.0, 12.0]),
}


def mann_kendall(x, y):
    n = len(y)
    s = sum(np.sign(y[j] - y[i]) for i, j in itertools.combinations(range(n), 2))
    var = n * (n - 1) * (2 * n + 5) / 18.0  # no ties in the fixtures
    z = (s - 1) / math.sqrt(var) if s > 0 else (s + 1) / math.sqrt(var) if s < 0 else 0.0
    p = 2 * (1 - stats.norm.cdf(abs(z)))
    slopes = sorted((y[j] - y[i]) / (x[j] - x[i]) for i, j in itertools.combinations(range(n), 2))
    sen = float(np.median(slopes))
    c = stats.norm.ppf(0.975) * math.sqrt(var)
    big_n = len(slopes)
    lo_rank = int(np.round((big_n - c) / 2))
    hi_rank = int(np.round((big_n + c) / 2 + 1))
    lo = slopes[max(1, min(big_n, lo_rank)) - 1]
    hi = slopes[max(1, min(big_n, hi_rank)) - 1]
    assert abs(sen - stats.theilslopes(y, x).slope) < 1e-12
    return s, var, p, sen, lo, hi


for name, (x, y) in FIXTURES.items():
    x = np.array(x, float)
    y = np.array(y, float)
    if name.startswith("apc"):
        r = stats.linregress(x, np.log(y))
        t = stats.t.ppf(0.975, len(x) - 2)
        apc = 100 * (math.exp(r.slope) - 1)
        lo = 100 * (math.exp(r.slope - t * r.stderr) - 1)
        hi = 100 * (math.exp(r.slope + t * r.stderr) - 1)
        print(f"{name}: apc={apc:.10f} lower={lo:.10f} upper={hi:.10f} p={r.pvalue:.10f}")
    else:
        if name == "falling":  # the tracker starts at the 2019 baseline
            x, y = x[1:], y[1:]
        s, var, p, sen, lo, hi = mann_kendall(x, y)
        print(f"{name}: S={s:.0f} var={var:.6f} p={p:.10f} sen={sen:.10f} lower={lo:.10f} upper={hi:.10f}")
