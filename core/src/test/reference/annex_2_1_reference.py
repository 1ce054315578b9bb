# Independent read of WDR 2025 annex table 2.1 (expert perception of trends) for ExpertPerceptionTest: openpyxl
# (not POI) counts the non-blank perception cells (Overall, 0-17, 18-24, 25+) below the header, by category.
# Run: /usr/bin/python3 core/src/test/reference/annex_2_1_reference.py ../shared/data  (openpyxl 3.0.9, Python 3.11)
import collections
import sys
import openpyxl

ws = openpyxl.load_workbook(sys.argv[1] + '/unodc-wdr2025/2.1_expert_perception_of_trends.xlsx', data_only=True).active
rows = list(ws.iter_rows(values_only=True))
hdr = next(i for i, r in enumerate(rows) if r[2] == 'Country')
cells = collections.Counter()
for r in rows[hdr + 1:]:
    for v in r[6:10]:
        if v is not None and str(v).strip():
            cells[v] += 1
print('perception cells', sum(cells.values()))
for k, n in sorted(cells.items()):
    print(k, n)
for r in rows[hdr + 1:]:
    if r[2] == 'Kenya' and r[5] == 'Cannabis herb (marijuana)':
        print('Kenya', r[3], r[5], 'overall', r[6], '0-17', r[7], '25+', r[9])
