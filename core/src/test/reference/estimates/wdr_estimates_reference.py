#!/usr/bin/env python3
"""Independent reference computation of the WDR-style estimates on the hand-made fixture.

Written from the method as stated in the Javadoc of org.drugstats.core.stats.estimate (AgeRule, WdrDrug,
DefinitionRule, ImputationSource, WdrEstimator), not from the Java code. Python 3 standard library only
(tested with Python 3.11). Run from the repository root:

    python3 core/src/test/reference/estimates/wdr_estimates_reference.py \
        core/src/test/resources/org/drugstats/core/stats/estimate \
        > core/src/test/reference/estimates/reference-output.csv

Settings of the fixture run: target years 2019-2020, window W = 3, minimum coverage 0.5, small-country share
0.25, imputation range P10-P90 (Hyndman-Fan type 7), bounds conservative (sums of lows and highs).
"""
import csv
import sys
from collections import defaultdict

FIX = sys.argv[1]
YEARS = (2019, 2020)
W = 3
MIN_COV = 0.5
SMALL = 0.25
QLO, QHI = 0.1, 0.9
DRUGS = {  # code: (group row, components)
    'cannabis': (None, ['cannabis']),
    'cocaine': (None, ['cocaine']),
    'opioids': ('opioids', ['opiates', 'prescription opioids']),
    'amphetamines': (None, ['amphetamines', 'prescription stimulants']),
    'ecstasy': (None, ['ecstasy']),
}
RULE_RANK = {'15-64': 0, 'as-15-64': 1, 'converted': 2, 'excluded': 3}

geo = {r['iso3']: (r['region'], r['subregion']) for r in csv.DictReader(open(FIX + '/fixture-geo.csv'))}
pop = {}
for r in csv.DictReader(open(FIX + '/fixture-population.csv')):
    pop[(r['iso3'], int(r['year']))] = [float(r[k]) for k in ('p0_4', 'p5_14', 'p15_24', 'p25_64', 'p65plus')]


def p1564(c, y):
    g = pop[(c, y)]
    return g[2] + g[3]


def persons_between(g, a, b):
    """Persons aged a..b (b <= 64), each WPP group spread evenly over its single years."""
    total = 0.0
    for (s, e), n in zip([(0, 4), (5, 14), (15, 24), (25, 64)], g[:4]):
        lo, hi = max(a, s), min(b, e)
        if lo <= hi:
            total += n * (hi - lo + 1) / (e - s + 1)
    return total


def parse_age(age):
    if age.endswith('+') and age[:-1].isdigit():
        return int(age[:-1]), None
    parts = age.split('-')
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return int(parts[0]), int(parts[1])
    return None


def age_rule(age):
    if age == '15-64':
        return '15-64'
    p = parse_age(age)
    if p is None:
        return 'excluded'
    a, b = p
    if a > 18 or (b is not None and b < 54):
        return 'excluded'
    if 12 <= a and b is not None and b <= 70:
        return 'as-15-64'
    return 'converted'


def factor(age, c, y):
    if age_rule(age) != 'converted':
        return 1.0
    a, b = parse_age(age)
    start = a if a < 12 else 15
    g = pop[(c, y)]
    if b is None or b > 70:
        surveyed = persons_between(g, start, 64) + g[4]
    else:
        surveyed = persons_between(g, start, 64)
    return surveyed / (g[2] + g[3])


def hf7(sorted_values, p):
    n = len(sorted_values)
    h = (n - 1) * p
    lo = int(h)
    hi = min(lo + 1, n - 1)
    return sorted_values[lo] + (h - lo) * (sorted_values[hi] - sorted_values[lo])


# 1. rows: drop excluded ages, keep the preferred row per (country, drug, year), convert to 15-64
rows = defaultdict(list)
for r in csv.DictReader(open(FIX + '/fixture-survey.csv')):
    rule = age_rule(r['age'])
    if rule == 'excluded':
        continue
    year = int(r['time_period'][:4])
    rows[(r['area'], r['drug'], year)].append(r)
chosen = {}
for key, cands in rows.items():
    cands.sort(key=lambda r: (RULE_RANK[age_rule(r['age'])], 0 if r['status'] == 'normal' else 1, r['source'],
                              r['method'], r['record'], float(r['value']), r['age']))
    r = cands[0]
    c, drug, year = key
    f = factor(r['age'], c, year)
    best = min(100.0, float(r['value']) * f)
    if r['lower'] and r['upper']:
        lo = min(float(r['lower']) * f, best)
        hi = min(100.0, max(float(r['upper']) * f, best))
    else:
        lo = hi = best
    chosen[key] = (lo, best, hi, age_rule(r['age']))

# 2. national estimates per (country, WDR drug, year)
national = defaultdict(dict)
for (c, drug, year), v in chosen.items():
    pass
countries = sorted(geo)
for code, (group, comps) in DRUGS.items():
    for c in countries:
        years = {y for (cc, d, y) in chosen if cc == c and (d == group or d in comps)}
        for y in years:
            g = chosen.get((c, group, y)) if group else None
            if group is None and len(comps) == 1:
                v = chosen.get((c, comps[0], y))
                if v:
                    national[(c, code)][y] = (v[0], v[1], v[2], 'row')
                continue
            if g:
                national[(c, code)][y] = (g[0], g[1], g[2], 'group-row')
                continue
            a = chosen.get((c, comps[0], y))
            b = chosen.get((c, comps[1], y))
            if a and b:
                best = a[1] + b[1] - a[1] * b[1] / 100
                national[(c, code)][y] = (max(a[0], b[0]), best, min(100, a[2] + b[2]), 'union-of-components')
            else:
                o = a or b
                national[(c, code)][y] = (o[0], o[1], o[2], 'component-only')

out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['level', 'ref_area', 'year', 'drug', 'value', 'lower', 'upper', 'persons', 'persons_lower',
              'persons_upper', 'coverage', 'n_areas', 'n_with_data', 'imputed_areas', 'carried_areas', 'method',
              'headline'])


def fmt(x):
    return repr(float(x))


for code in DRUGS:
    for Y in YEARS:
        est = {}
        for c in countries:
            ys = [y for y in national.get((c, code), {}) if Y - W <= y <= Y]
            if ys:
                y = max(ys)
                est[c] = (y, national[(c, code)][y])
        if not est:
            continue

        def source(members):
            withd = [c for c in members if c in est]
            if not withd:
                return None
            m = sum(est[c][1][1] * p1564(c, Y) for c in withd) / sum(p1564(c, Y) for c in withd)
            if len(withd) == 1:
                lo, hi = est[withd[0]][1][0], est[withd[0]][1][2]
            else:
                b = sorted(est[c][1][1] for c in withd)
                lo, hi = hf7(b, QLO), hf7(b, QHI)
            return (min(lo, m), m, max(hi, m))

        subs = defaultdict(list)
        regs = defaultdict(list)
        for c in countries:
            subs[geo[c][1]].append(c)
            regs[geo[c][0]].append(c)
        world_src = source(countries)
        value = {}
        method = {}
        for c in countries:
            if c in est:
                y, (lo, b, hi, _) = est[c]
                value[c] = (lo, b, hi)
                method[c] = 'national-carried' if y < Y else 'national'
            else:
                s = source(subs[geo[c][1]])
                m = 'imputed-subregion'
                if s is None:
                    s, m = source(regs[geo[c][0]]), 'imputed-region'
                if s is None:
                    s, m = world_src, 'imputed-world'
                value[c] = s
                method[c] = m
        for c in countries:
            P = p1564(c, Y)
            lo, b, hi = value[c]
            has = c in est
            carried = '%s:%d' % (c, est[c][0]) if has and est[c][0] < Y else ''
            out.writerow(['country', c, Y, code, fmt(b), fmt(lo), fmt(hi), fmt(b * P / 100), fmt(lo * P / 100),
                          fmt(hi * P / 100), fmt(1.0 if has else 0.0), 1, 1 if has else 0, '' if has else c,
                          carried, method[c], 'true' if has else 'false'])

        def agg(level, name, members, how):
            P = sum(p1564(c, Y) for c in members)
            cov = sum(p1564(c, Y) for c in members if c in est) / P
            pe = [sum(value[c][i] * p1564(c, Y) / 100 for c in members) for i in range(3)]
            imputed = ';'.join(sorted(c for c in members if c not in est))
            carried = ';'.join(sorted('%s:%d' % (c, est[c][0]) for c in members if c in est and est[c][0] < Y))
            out.writerow([level, name, Y, code, fmt(pe[1] * 100 / P), fmt(pe[0] * 100 / P), fmt(pe[2] * 100 / P),
                          fmt(pe[1]), fmt(pe[0]), fmt(pe[2]), fmt(cov), len(members),
                          sum(1 for c in members if c in est), imputed, carried, how,
                          'true' if cov >= MIN_COV else 'false'])

        for s in sorted(subs):
            agg('unodc_subregion', s, subs[s], 'sum-of-countries')
        for r in sorted(regs):
            agg('unodc_region', r, regs[r], 'sum-of-subregions')
        agg('world', 'WLD', countries, 'sum-of-regions')
        # small-country flags (printed as comments after the rows of the year are not CSV: written to stderr)
        for s in sorted(subs):
            withd = [c for c in subs[s] if c in est]
            if len(withd) == 1:
                share = p1564(withd[0], Y) / sum(p1564(c, Y) for c in subs[s])
                if share < SMALL:
                    print('flag %s %d %s rests on %s (%.4f)' % (code, Y, s, withd[0], share), file=sys.stderr)
