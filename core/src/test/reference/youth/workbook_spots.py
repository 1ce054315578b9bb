#!/usr/bin/python3
"""Spot values of WDR 2025 annex table 1.4 for YouthEstimatorEmbeddedTest, read with openpyxl (not POI).

For each country: the Cannabis sheet's rows of students aged 15-16 (coverage "15 - 16", "(SS) 15 - 16", or the
single ages 15 and 16) with a Past Year value, the latest Year of Estimate, and its rows (coverage, past year,
source, notes). Run: /usr/bin/python3 core/src/test/reference/youth/workbook_spots.py ../shared/data
(openpyxl 3.0.9, Python 3.11); output committed as workbook_spots.out.
"""
import re
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1] + '/unodc-wdr2025/1.4_prevalence_youth_national.xlsx', data_only=True)
rows = list(wb['Cannabis'].iter_rows(values_only=True))
COUNTRIES = ['Austria', 'Brazil', 'Chile', 'Poland', 'Switzerland', 'Ukraine']
for country in COUNTRIES:
    found = []
    for r in rows:
        if r[2] != country or r[5] is None:
            continue
        cov = re.sub(r'\s+', ' ', str(r[3]).replace('(SS)', '')).strip()
        if cov in ('15 - 16', '15-16', '15 -16', '15', '16'):
            found.append((int(str(r[7])[:4]), str(r[3]).strip(), r[5], r[8], r[9]))
    latest = max(f[0] for f in found)
    for f in found:
        if f[0] == latest:
            print(country, *f, sep=' | ')
