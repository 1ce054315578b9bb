"""Independent counts and spot values of WDR 2022 annex table 10.1 (drug-related crimes), read with openpyxl.

Run: /usr/bin/python3 core/src/test/reference/annex_10_1_reference.py ../shared/data/unodc-wdr2022/10.1_drug_related_crimes.xlsx
(openpyxl 3.0.9, Debian python3-openpyxl). Output: annex_10_1_reference.out beside this script.
The rules are the ones UnodcAnnexCrimesKind documents, written again here from the workbook's cells:
a row read is one non-blank value cell of a country row (a country row with none counts as one); a count that
is not a whole number is out of domain; a breakdown (sex, age) summing above its Total flags the Total and its parts;
a calculated total other than the sum of its types is flagged.
"""
import collections
import re
import sys

import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path, data_only=True)
print("openpyxl", openpyxl.__version__)


def blank(v):
    return v is None or (isinstance(v, str) and v.strip() == "")


def area(name):
    return re.sub(r"\s*\(the\)$", "", name.strip())


read = 0
out_of_domain = 0
no_value_rows = 0
flagged_cells = 0
keys = collections.Counter()
spot = {}

# persons: Region, SubRegion, Country/Territory, Type of offence, Year, Drugs, Total, Males, Females, Unknown, Adults,
# Juveniles, Specify year
ws = wb["Formal contact with the police"]
rows = list(ws.iter_rows(values_only=True))
head = rows[0]
vcols = list(range(6, 12))
for r in rows[1:]:
    if blank(r[2]):
        continue
    cells = [c for c in vcols if not blank(r[c])]
    if not cells:
        read += 1
        no_value_rows += 1
        continue
    bad = {c for c in cells if not (isinstance(r[c], (int, float)) and float(r[c]).is_integer())}
    read += len(cells)
    out_of_domain += len(bad)
    flagged = set()
    total = r[6]
    if 6 in cells and 6 not in bad:
        for parts in ([7, 8, 9], [10, 11]):
            p = [c for c in parts if c in cells]
            if p and not any(c in bad for c in p) and sum(r[c] for c in p) > total:
                flagged |= {6, *p}
    flagged_cells += len(flagged - bad)
    year = r[4] if isinstance(r[4], int) else ("2019-2020" if r[12] == "2019 and 2020" else None)
    for c in cells:
        if c not in bad:
            keys[(r[3], area(r[2]), year, head[c], r[5])] += 1
            spot.setdefault((area(r[2]), r[3], year, r[5], head[c]), r[c])

# offences: Region, SubRegion, msName, Year, use/possession, trafficking, other, Calculated total, Specify year
ws = wb["Total drug related offences"]
rows = list(ws.iter_rows(values_only=True))
head2 = rows[0]
for r in rows[1:]:
    if blank(r[2]):
        continue
    cells = [c for c in range(4, 8) if not blank(r[c])]
    if not cells:
        read += 1
        no_value_rows += 1
        continue
    bad = {c for c in cells if not float(r[c]).is_integer()}
    read += len(cells)
    out_of_domain += len(bad)
    if 7 in cells and not bad and sum(r[c] for c in range(4, 7) if not blank(r[c])) != r[7]:
        flagged_cells += 1
    for c in cells:
        if c not in bad:
            keys[("offences", area(r[2]), r[3], head2[c], None)] += 1
            spot.setdefault((area(r[2]), "offences", r[3], None, head2[c]), r[c])

records = sum(n for n in keys.values() if n > 1)
print("rows read", read)
print("quarantined out-of-domain (not whole)", out_of_domain)
print("quarantined malformed (country row without values)", no_value_rows)
print("accepted", read - out_of_domain - no_value_rows)
print("flagged total-mismatch", flagged_cells)
print("keys with several records", sum(1 for n in keys.values() if n > 1), "rows in them", records)
for k in [
    ("Argentina", "Offences related to drug trafficking", 2020, "All illicit drugs", "Total"),
    ("Argentina", "Offences related to drug trafficking", 2020, "All illicit drugs", "Males"),
    ("Argentina", "Offences related to drug trafficking", 2020, "All illicit drugs", "Females"),
    ("Argentina", "Offences related to drug trafficking", 2020, "All illicit drugs", "Adults"),
    ("Argentina", "Offences related to drug trafficking", 2020, "All illicit drugs", "Juveniles"),
    ("Zambia", "Offences related to drug trafficking", 2017, "Cannabis-type", "Total"),
    ("Timor-Leste", "Offences related to drug trafficking", "2019-2020", "All illicit drugs", "Total"),
    ("United Kingdom of Great Britain and Northern Ireland", "Offences related to drug use and/or drug possession",
     2020, "All illicit drugs", "Total"),
    ("Australia", "offences", 2020, None, "Offences related to drug use and/or drug possession"),
    ("Australia", "offences", 2020, None, "Offences related to drug trafficking"),
    ("Australia", "offences", 2020, None, "Other drug-related offences"),
    ("Australia", "offences", 2020, None, "Calculated total"),
    ("Philippines", "offences", 2020, None, "Offences related to drug trafficking"),
]:
    print("spot", k, spot.get(k))
unknown = [(r[2], r[3], r[4], r[5], r[9]) for r in wb["Formal contact with the police"].iter_rows(min_row=2, values_only=True)
           if not blank(r[9])]
print("Unknown/Other cells", len(unknown), "first", unknown[0])
