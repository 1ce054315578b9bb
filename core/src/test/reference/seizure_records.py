# Independent figures for the records of WDR 2025 annex table 7.1 (drug seizures), for IngestRealFilesTest:
# the sheet read with openpyxl (not POI), keyed by msCode x DrugName x Reference year (the extract's key:
# ref_area, drug, time_period). Kilograms summed per key over every published row, empty cells left out.
# Run: /usr/bin/python3 core/src/test/reference/seizure_records.py ../shared/data   (openpyxl 3.0.9, Python 3.11)
import collections
import math
import sys

import openpyxl

base = sys.argv[1]
wb = openpyxl.load_workbook(base + '/unodc-wdr2025/7.1_drug_seizures_2019-2023.xlsx', read_only=True,
                            data_only=True)
rows = list(wb.worksheets[0].iter_rows(values_only=True))
header = [str(h).strip() for h in rows[1]]
assert header == ['Region', 'SubRegion', 'Country', 'DrugGroup', 'DrugSubGroup', 'DrugName', 'Reference year',
                  'Kilograms', 'msCode'], header
data = rows[2:]
by_key = collections.defaultdict(list)
for number, r in enumerate(data, start=3):  # sheet row numbers: title 1, header 2
    by_key[(r[8], r[5], int(r[6]))].append((number, r))
multi = {k: v for k, v in by_key.items() if len(v) > 1}
print('rows', len(data))
print('keys', len(by_key))
print('keys with multiple records', len(multi))
print('rows in multiple records', sum(len(v) for v in multi.values()))
repeats = 0
for v in multi.values():
    seen = set()
    for _, r in v:
        repeats += r in seen
        seen.add(r)
print('records repeating an earlier record of their key in every column', repeats)
print('rows with empty Kilograms', sum(1 for r in data if r[7] is None))
print('keys whose records differ in DrugGroup/DrugSubGroup',
      sorted(k for k, v in multi.items() if len({(r[3], r[4]) for _, r in v}) > 1))
longest = max(multi.items(), key=lambda kv: len(kv[1]))
print('most records', longest[0], len(longest[1]))


def total(key):
    return math.fsum(r[7] for _, r in by_key[key] if r[7] is not None)


for key in [('KEN', 'Cannabis herb (marijuana)', 2019), longest[0], ('COL', 'Cocaine hydrochloride', 2023)]:
    print(key, 'rows', [n for n, _ in by_key[key]], 'kg', [r[7] for _, r in by_key[key]], 'sum', repr(total(key)))
print('sum of all Kilograms', repr(math.fsum(r[7] for r in data if r[7] is not None)))
