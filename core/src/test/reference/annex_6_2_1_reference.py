# Independent read of WDR 2025 annex table 6.2.1 (opium poppy cultivation) for AnnexCultivationFamilyTest:
# openpyxl (not POI) reads the formulas (data_only=False) and the cached values (data_only=True) and prints
#  - the number of year cells in value rows (country, residual and total rows, not bound rows): the rows read;
#  - the cells whose formula links to another workbook ('[n]...'), with their cached values;
#  - spot values with their bound rows.
# Run: /usr/bin/python3 core/src/test/reference/annex_6_2_1_reference.py ../shared/data  (openpyxl 3.0.9, Python 3.11)
import re
import sys
import openpyxl

path = sys.argv[1] + '/unodc-wdr2025/6.2.1_opium_poppy_cultivation.xlsx'
f = openpyxl.load_workbook(path).active
v = openpyxl.load_workbook(path, data_only=True).active
years = {c: v.cell(3, c).value for c in range(1, v.max_column + 1) if v.cell(3, c).value is not None}
years = {c: (y.year if hasattr(y, 'year') else int(y)) for c, y in years.items()}
read = 0
for r in range(4, v.max_row + 1):
    label = v.cell(r, 3).value
    if label is None or len(str(label)) > 60:
        continue
    low = str(label).strip().lower()
    if low.startswith('lower') or low.startswith('upper'):
        continue
    n = sum(1 for c in years if v.cell(r, c).value is not None)
    read += n
print('year cells in value rows:', read)
for row in f.iter_rows():
    for c in row:
        if isinstance(c.value, str) and c.value.startswith('=') and re.search(r'\[\d+\]', c.value):
            print('external-link formula', c.coordinate, c.value, 'cached', v[c.coordinate].value)
for name, r in (('Afghanistan', 6),):
    for y in (2018, 2019):
        col = next(c for c, yy in years.items() if yy == y)
        print(name, y, 'best', v.cell(r, col).value, 'lower', v.cell(r + 1, col).value, 'upper', v.cell(r + 2, col).value)
col2020 = next(c for c, yy in years.items() if yy == 2020)
print('TOTAL 2020', v.cell(24, col2020).value, 'rounded', v.cell(27, col2020).value,
      'lower', v.cell(25, col2020).value, 'upper (unlabelled row 26)', v.cell(26, col2020).value)
