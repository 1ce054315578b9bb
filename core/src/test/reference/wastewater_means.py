#!/usr/bin/env python3
"""Hand computation of population-weighted mean mass loads from the EUDA files (Python 3, csv module only).

mean = sum(load_i * pop_i) / sum(pop_i) over the sites with a daily mean that year and a population served;
Europe = sites in countries of the UN M49 region Europe (code 150), from core's m49.csv (Turkiye and Cyprus are
M49 Western Asia); site H001 (country code 'H') is left out as the ingest quarantines it.
Also the weekend/weekday ratio of Graz 2024 MDMA. Run from the project root:
  python3 core/src/test/reference/wastewater_means.py ../shared/data > core/src/test/reference/wastewater_means.out
"""
import csv
import sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
m49 = {r[1]: r[4] for r in csv.reader(open("core/src/main/resources/org/drugstats/core/geo/m49.csv", encoding="utf-8")) if len(r) > 4}
sites = {r["SiteID"]: float(r["Population"]) for r in csv.DictReader(open(f"{shared}/wastewater/euda-ww2025-site-info-table.csv", encoding="utf-8-sig")) if r["Country"] != "H"}
loads = list(csv.DictReader(open(f"{shared}/wastewater/euda-ww2025-all-data.csv", encoding="utf-8-sig")))


def mean(year, metabolite, keep):
    num = den = 0.0
    n = 0
    for r in loads:
        if r["Year"] == year and r["Metabolite"] == metabolite and r["Daily mean"].strip() and r["Site ID"] in sites and keep(r):
            num += float(r["Daily mean"]) * sites[r["Site ID"]]
            den += sites[r["Site ID"]]
            n += 1
    return num / den, n, den


for label, year, met, keep in [
        ("AUT 2024 MDMA", "2024", "MDMA", lambda r: r["Country"] == "AT"),
        ("Europe 2024 cocaine", "2024", "cocaine", lambda r: m49.get(r["Country"]) == "150"),
        ("Europe 2011 cocaine", "2011", "cocaine", lambda r: m49.get(r["Country"]) == "150"),
        ("BEL 2015 amphetamine", "2015", "amphetamine", lambda r: r["Country"] == "BE")]:
    v, n, p = mean(year, met, keep)
    print(f"{label}: {v!r} ({n} sites, population {p:.0f})")
g = [r for r in loads if r["Site ID"] == "AT001" and r["Year"] == "2024" and r["Metabolite"] == "MDMA"][0]
print(f"Graz 2024 MDMA weekend/weekday: {float(g['Weekend mean']) / float(g['Weekday mean'])!r}")
