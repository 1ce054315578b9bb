# Reference values for AggregationStateTest: an independent, plain-Python implementation of the WDR
# imputation rule (countries without data take the population-weighted mean of the countries with data in
# their subregion, else region, else world), population-weighted means and coverage.
# Run once: /usr/bin/python3 aggregate_reference.py  (Python 3.11.2, numpy 1.24.2)
import csv, os
import numpy as np

rows = list(csv.DictReader(open(os.path.join(os.path.dirname(__file__), "../resources/aggregate/fixture.csv"))))
for r in rows:
    r["population"] = float(r["population"])
    r["has"] = r["value"] != ""
    for k in ("value", "lower", "upper"):
        r[k] = float(r[k]) if r[k] != "" else None

def wmean(rs, k):
    d = [r for r in rs if r["has"]]
    if not d: return None
    return np.average([r[k] for r in d], weights=[r["population"] for r in d])

def imputed(r):
    for level, key in (("subregion", "subregion"), ("region", "region"), ("world", None)):
        grp = [x for x in rows if key is None or x[key] == r[key]]
        if any(x["has"] for x in grp):
            return level, {k: wmean(grp, k) for k in ("value", "lower", "upper")}
    return None, None

def aggregate(rs):
    pop = sum(r["population"] for r in rs)
    cov = sum(r["population"] for r in rs if r["has"]) / pop
    tot = {}
    for k in ("value", "lower", "upper"):
        tot[k] = sum((r[k] if r["has"] else imputed(r)[1][k]) * r["population"] for r in rs) / pop
    imp = [(r["area"], imputed(r)[0]) for r in rs if not r["has"]]
    return cov, tot, imp

groups = [("subregion", s) for s in sorted({r["subregion"] for r in rows})] + \
         [("region", g) for g in sorted({r["region"] for r in rows})] + [("world", "World")]
for level, name in groups:
    rs = rows if level == "world" else [r for r in rows if r[level] == name]
    cov, tot, imp = aggregate(rs)
    print(level, name, "coverage", repr(cov), "value", repr(tot["value"]), "lower", repr(tot["lower"]),
          "upper", repr(tot["upper"]), "imputed", imp)

# Monte Carlo range of the population-weighted mean of the fixture's areas with data, independent
# lognormal draws (median = value, sigma = (ln upper - ln lower)/3.92), 4e6 draws (WeightedMeanRangeTest)
rng = np.random.default_rng(7)
d = [r for r in rows if r["has"]]
w = np.array([r["population"] for r in d]); w = w / w.sum()
N = 4_000_000
draws = sum(wi * np.exp(np.log(r["value"]) + (np.log(r["upper"]) - np.log(r["lower"])) / 3.92 * rng.standard_normal(N))
            for wi, r in zip(w, d))
print("MC weighted mean 2.5/50/97.5:", repr(np.percentile(draws, [2.5, 50, 97.5])), "point", repr(float(np.dot(w, [r["value"] for r in d]))))
