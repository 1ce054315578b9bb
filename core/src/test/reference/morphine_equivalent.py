"""Hand computation of opioid consumption in mg morphine equivalent (ME) per capita for one country and year,
independent of the Java code: United Kingdom (GBR) 2013 and India (IND) 2013 from the INCB Table XII compilation
(OpioidAtlas file) and the WPP 2017 population (0-14 + 15-64 + 65+).

Factors (oral morphine = 1): morphine 1, fentanyl 83.3, oxycodone 1.33, pethidine 0.133 (Gilson et al. 2013,
PPSG ME metric); hydrocodone 1, codeine 0.15 (CDC 2016).
Run: python3 core/src/test/reference/morphine_equivalent.py   (Python 3.11, standard library only)
"""
import csv
import json
from fractions import Fraction
from pathlib import Path

shared = Path(__file__).resolve().parents[4] / ".." / "shared" / "data"
text = (shared / "consumption/incb-table-xii-consumption-1989-2013-opioidatlas.js").read_text()
data = json.loads(text[text.index("["):text.rindex("]") + 1], parse_float=str)
factors = {"morphine": "1", "fentanyl": "83.3", "oxycodone": "1.33", "pethidine": "0.133",
           "hydrocodone": "1", "codeine": "0.15"}
pop = {}
with open(shared / "population/wpp2017-population-by-age-group.csv", newline="") as f:
    for row in csv.DictReader(f):
        pop[(row["Entity"], row["Year"])] = row
for iso, entity in (("GBR", "United Kingdom"), ("IND", "India")):
    c = next(c for c in data if c["static"]["iso3"] == iso)
    i = c["ts"]["years"].index("2013-01-01")
    kg = {d: Fraction(str(c["ts"][d][i])) for d in factors}
    me_kg = sum(kg[d] * Fraction(factors[d]) for d in factors)
    r = pop[(entity, "2013")]
    cols = [k for k in r if k not in ("Entity", "Code", "Year")]
    under15 = next(k for k in cols if "Under 15" in k or "0-14" in k)
    mid = next(k for k in cols if "15-64" in k)
    over65 = next(k for k in cols if "65+" in k)
    population = int(float(r[under15])) + int(float(r[mid])) + int(float(r[over65]))
    mg = me_kg * 10**6 / population
    print(iso, "2013", {d: str(kg[d]) for d in factors}, "ME kg", float(me_kg), "population", population,
          "ME mg per capita %.12f" % float(mg))
