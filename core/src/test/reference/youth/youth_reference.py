#!/usr/bin/env python3
"""Independent reference computation of the youth estimates on the hand-made fixture.

Written from the rules as stated in the Javadoc of org.drugstats.core.stats.youth (YouthAgeGroup, Products,
YouthEstimator, YouthSettings), not from the Java code. Python 3 standard library only (tested with Python 3.11).
Run from the repository root:

    python3 core/src/test/reference/youth/youth_reference.py \
        core/src/test/resources/org/drugstats/core/stats/youth \
        > core/src/test/reference/youth/reference-output.csv

Settings of the fixture run: target year Y = 2020, window W = 3 (surveys of 2017-2020 count), minimum coverage
0.5, past-year/past-month values above 50 percent flagged implausible. Weight: persons aged 15-16 = 2/10 of the
group 15-24 of 2020.
"""
import csv
import re
import sys
from collections import defaultdict

FIX = sys.argv[1]
Y, W, MIN_COV, IMPLAUSIBLE = 2020, 3, 0.5, 50.0
PERIODS = ['prevalence_youth_lifetime', 'prevalence_youth_annual', 'prevalence_youth_past_month']


def coverage_product(notes):
    assert notes.startswith('coverage: ')
    rest = notes[len('coverage: '):]
    if '; ' in rest:
        c, p = rest.split('; ', 1)
        return c, p
    return rest, ''


def surveyed_age(age, cov):
    if age not in ('', '_U'):
        return age
    c = cov.strip()
    if c.startswith('(SS)'):
        c = c[4:].strip()
    if c.isdigit() and len(c) <= 2:
        return c + '-' + c
    m = re.fullmatch(r'(\d+)\s*-\s*(\d+)\s*\([Gg]rade \d+\)', c)
    if m:
        return m.group(1) + '-' + m.group(2)
    return '_U'


def group(age, cov):
    m = re.fullmatch(r'(\d+)-(\d+)', age)
    if m:
        lo, hi = int(m.group(1)), int(m.group(2))
        if 15 <= lo <= hi <= 16:
            return 'students-15-16'
        return 'school-age' if hi <= 19 else 'young-adults'
    if age.startswith('<'):
        return 'school-age'
    c = cov.strip()
    nums = re.findall(r'\d+', c)
    rest = re.sub(r'\d+|,|&|\band\b|\s|\(SS\)|ages?', '', c)
    if len(nums) >= 2 and rest == '':
        return 'school-age' if max(map(int, nums)) <= 19 else 'young-adults'
    low = c.lower()
    if 'universit' in low:
        return 'young-adults'
    if any(w in low for w in ('grade', 'gardes', 'school', 'secondary', 'student')) or low == 'ss' or '(ss)' in low:
        return 'school-age'
    return 'undefined'


def component(product):
    p = product.strip().lower()
    if not p:
        return False
    if re.search(r'\bany\b|\ball\b|\btotal\b|herb and resin|and/ ?or', p):
        return False
    return bool(re.match(r'(herb|resin|crack|heroin|tramadol|opium|methadone|cocaine salts|methamphetamine)', p))


rows = []
with open(FIX + '/fixture-youth.csv', newline='') as f:
    for r in csv.DictReader(f):
        if r['sex'] != 'T':
            continue
        cov, prod = coverage_product(r['notes'])
        age = surveyed_age(r['age'], cov)
        rows.append(dict(r, cov=cov, prod=prod, sage=age, grp=group(age, cov), year=int(r['time_period'][:4]),
                         value=float(r['value']), comp=component(prod)))

geo = {}
with open(FIX + '/fixture-geo.csv', newline='') as f:
    for r in csv.DictReader(f):
        geo[r['iso3']] = (r['region'], r['subregion'])
pop = {}
with open(FIX + '/fixture-population.csv', newline='') as f:
    for r in csv.DictReader(f):
        if int(r['year']) == Y:
            pop[r['iso3']] = float(r['p15_24']) * 2 / 10

# latest per area, drug, period, group
keys = defaultdict(list)
for r in rows:
    keys[(r['ref_area'], r['drug'], r['indicator'], r['grp'])].append(r)


def order(r):
    rec = r['record']
    return (rec != '', len(rec), rec, r['sage'], r['source'], r['prod'], r['cov'], r['time_period'], r['value'])


latest = {}
for k, rs in keys.items():
    y = max(r['year'] for r in rs)
    cands = sorted([r for r in rs if r['year'] == y], key=order)
    whole = [r for r in cands if not r['comp']]
    if whole:
        chosen, method = whole[0], 'latest-survey'
    else:
        chosen, method = max(cands, key=lambda r: r['value']), 'latest-survey-component-max'
    implausible = k[2] != 'prevalence_youth_lifetime' and chosen['value'] > IMPLAUSIBLE
    latest[k] = (chosen, method, implausible)

out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['level', 'ref_area', 'drug', 'indicator', 'age_group', 'time_period', 'survey_year', 'age', 'value',
              'median', 'min', 'max', 'coverage', 'n_areas', 'n_with_data', 'with_data_areas', 'headline', 'method'])
for k in sorted(latest):
    c, m, imp = latest[k]
    level = 'country' if len(k[0]) == 3 else 'subnational'
    out.writerow([level, k[0], k[1], k[2], k[3], c['time_period'], c['year'], c['sage'], repr(c['value']), '', '',
                  '', '', 1, 1, '', str(not imp).lower(), m])

drugs = sorted({k[1] for k in latest})
levels = [('unodc_subregion', lambda a: geo[a][1]), ('unodc_region', lambda a: geo[a][0]),
          ('world', lambda a: 'WLD')]
for level, code_of in levels:
    codes = sorted({code_of(a) for a in geo})
    for code in codes:
        members = sorted(a for a in geo if code_of(a) == code)
        for drug in drugs:
            for ind in PERIODS:
                tot = cov = num = 0.0
                n = 0
                vals, withd = [], []
                for a in members:
                    if a not in pop:
                        continue
                    n += 1
                    tot += pop[a]
                    e = latest.get((a, drug, ind, 'students-15-16'))
                    if e is None or not (Y - W <= e[0]['year'] <= Y) or e[2]:
                        continue
                    cov += pop[a]
                    num += e[0]['value'] * pop[a]
                    vals.append(e[0]['value'])
                    withd.append('%s:%d' % (a, e[0]['year']))
                vals.sort()
                if vals:
                    h = len(vals) // 2
                    med = vals[h] if len(vals) % 2 else (vals[h - 1] + vals[h]) / 2
                    row = [repr(num / cov), repr(med), repr(vals[0]), repr(vals[-1])]
                else:
                    row = ['', '', '', '']
                coverage = cov / tot if tot else 0.0
                out.writerow([level, code, drug, ind, 'students-15-16', str(Y), '', '15-16'] + row
                             + [repr(coverage), n, len(vals), ';'.join(withd),
                                str(bool(vals) and coverage >= MIN_COV).lower(), 'population-weighted-mean'])
