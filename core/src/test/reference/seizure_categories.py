# Independent figures for core's SeizureCountryTotals on WDR 2025 annex table 7.1 (drug seizures), for
# SeizureCountryTotalsTest and BENCHMARKS.md. The workbook is read with openpyxl (not POI, not the project's
# ingest); the category of each DrugGroup / DrugSubGroup / DrugName comes from core's resource
# seizure-drug-categories.csv (the mapping under test is data; the counting rule is re-implemented here).
# Rule: per country (msCode), year and family, breakdown rows only -> their sum; total rows only -> the total;
# both -> "breakdown" rule: the breakdown; "complete-figure" rule: the total when it exceeds the breakdown by
# more than 1 g, else the breakdown. Decimal arithmetic on repr() of the cell values.
# Run: /usr/bin/python3 core/src/test/reference/seizure_categories.py ../shared/data   (openpyxl 3.0.9, Python 3.11.2)
import collections
import csv
import decimal
import os
import sys

import openpyxl

D = decimal.Decimal
base = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
res = os.path.join(here, '../../main/resources/org/drugstats/core/supply/')
cats = {r['code']: r for r in csv.DictReader(open(res + 'seizure-categories.csv', encoding='utf-8'))}
mapping = {}


def norm(s):  # white space runs (no-break spaces included) as one space, case ignored
    return ' '.join(str(s).replace('\xa0', ' ').split()).lower()



for r in csv.DictReader(open(res + 'seizure-drug-categories.csv', encoding='utf-8')):
    mapping[(norm(r['drug_group']), norm(r['drug_subgroup']), norm(r['drug_name']))] = (
        r['category'], r['role'])

wb = openpyxl.load_workbook(base + '/unodc-wdr2025/7.1_drug_seizures_2019-2023.xlsx', read_only=True, data_only=True)
rows = list(wb.worksheets[0].iter_rows(values_only=True))
data = rows[2:]
unmapped = set()
# (iso3, year, family) -> {'parts': {cat: D}, 'total': D or None}
fam = collections.defaultdict(lambda: {'parts': collections.defaultdict(D), 'total': None, 'tcat': None})
for r in data:
    key = (norm(r[3]), norm(r[4]), norm(r[5]))
    if key not in mapping:
        unmapped.add(key)
        continue
    if r[7] is None:
        continue
    cat, role = mapping[key]
    if cats[cat]['summable'] != 'true':
        continue
    f = fam[(r[8], int(r[6]), cats[cat]['family'])]
    v = D(repr(float(r[7])))
    if role == 'total':
        f['total'] = (f['total'] or D(0)) + v
        f['tcat'] = cat
    else:
        f['parts'][cat] += v
print('rows', len(data), 'unmapped combinations', len(unmapped))


def totals(rule):
    out = collections.defaultdict(D)  # (iso3, year, category) -> kg
    both = []
    for (iso, year, family), f in fam.items():
        parts, total = f['parts'], f['total']
        if total is None:
            for c, v in parts.items():
                out[(iso, year, c)] += v
        elif not parts:
            out[(iso, year, f['tcat'])] += total
        else:
            b = sum(parts.values(), D(0))
            both.append((iso, year, family, b, total))
            for c, v in parts.items():
                out[(iso, year, c)] += v
            if rule == 'complete-figure' and total - b > D('0.001'):
                out[(iso, year, f['tcat'])] += total - b
    return out, both


for rule in ('breakdown', 'complete-figure'):
    out, both = totals(rule)
    for year in range(2019, 2024):
        world = sum((v for (i, y, c), v in out.items() if y == year and c == 'cocaine'), D(0))
        n = len({i for (i, y, c) in out if y == year and c == 'cocaine'})
        print(rule, 'world cocaine', year, world, 'kg, countries', n)
    if rule == 'breakdown':
        print('country-years with both a breakdown and a total', len(both))
        dis = [b for b in both if abs(b[4] - b[3]) > D('0.001')]
        print('of which disagree', len(dis))
        for b in sorted(both):
            print('  both', b[0], b[1], b[2], 'breakdown', b[3], 'total', b[4])
for year in (2019, 2023):
    out, _ = totals('complete-figure')
    for c in ('coca_leaf', 'coca_bush', 'cannabis_herb', 'cannabis_resin', 'cannabis_plants', 'heroin', 'opium',
              'methamphetamine', 'amphetamine', 'ecstasy', 'fentanyl'):
        print('complete-figure world', c, year, sum((v for (i, y, cc), v in out.items() if y == year and cc == c), D(0)))
