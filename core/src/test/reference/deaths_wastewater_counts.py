#!/usr/bin/env python3
"""Independent counts and spot values for the NCHS and EUDA ingest kinds (Python 3 csv module only).

Run from the project root: python3 core/src/test/reference/deaths_wastewater_counts.py ../shared/data
Output (committed beside this script as deaths_wastewater_counts.out) is what DeathsWastewaterIngestTest asserts.
"""
import csv
import sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"

# NCHS: a row read is one non-empty measure among Deaths, Population, Crude Death Rate, Age-adjusted Rate.
rows = list(csv.DictReader(open(f"{shared}/deaths/nchs-drug-poisoning-mortality-by-state-1999-2017.csv", encoding="utf-8")))
measures = ["Deaths", "Population", "Crude Death Rate", "Age-adjusted Rate"]
read = sum(1 for r in rows for m in measures if r[m].strip())
accepted = sum(1 for r in rows for m in measures if r[m].strip() and r["Race and Hispanic Origin"] == "All Races-All Origins")
print("nchs rows_read", read)
print("nchs accepted", accepted)
print("nchs quarantined", read - accepted)
print("nchs aa_not_published", sum(1 for r in rows if not r["Age-adjusted Rate"].strip()))
al = [r for r in rows if r["State"] == "Alabama" and r["Year"] == "1999"][0]
print("nchs alabama_1999_aa", al["Age-adjusted Rate"], al["Standard Error Age-adjusted Rate"])

# EUDA: a row read is one non-empty value among the 7 days and the 3 means.
rows = list(csv.DictReader(open(f"{shared}/wastewater/euda-ww2025-all-data.csv", encoding="utf-8-sig")))
cols = ["Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday",
        "Weekday mean", "Weekend mean", "Daily mean"]
read = sum(1 for r in rows for c in cols if r[c].strip())
quarantined = sum(1 for r in rows for c in cols if r[c].strip() and r["Country"] == "H")
print("euda rows_read", read)
print("euda quarantined", quarantined)
print("euda empty_cells", sum(1 for r in rows for c in cols if not r[c].strip()))
g = [r for r in rows if r["Site ID"] == "AT001" and r["Year"] == "2024" and r["Metabolite"] == "MDMA"][0]
print("euda graz_2024_mdma_daily_mean", g["Daily mean"])
