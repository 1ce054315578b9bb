# Independent counts of rows read, for IngestRealFilesTest: WDR 2025 annex tables 1.2 and 6.1.1 read with
# openpyxl (not POI), counting what each kind's row_unit says is one row read.
# Run: /usr/bin/python3 core/src/test/reference/annex_counts.py ../shared/data   (openpyxl 3.0.9, Python 3.11)
import sys
import openpyxl

base = sys.argv[1]


def blank(v):
    return v is None or (isinstance(v, str) and v.replace('\xa0', ' ').strip() == '')


wb = openpyxl.load_workbook(base + '/unodc-wdr2025/1.2_prevalence_general_population_national.xlsx', data_only=True)
total = 0
for ws in wb.worksheets:
    rows = list(ws.iter_rows(values_only=True))
    hdr = next(i for i, r in enumerate(rows) if r and 'Region' in [str(x).strip() if x else None for x in r])
    labels = [str(x).strip().lower().replace('\n', '').replace(' ', '') if x is not None else '' for x in rows[hdr]]
    country = labels.index('country/territory')
    if 'best' in labels:
        value_cols = [labels.index('best'), labels.index('male'), labels.index('female')]
        bound_cols = [labels.index('low'), labels.index('high')]
        start = hdr + 1
    elif 'total' in labels:
        value_cols = [labels.index('total'), labels.index('male'), labels.index('female')]
        bound_cols = []
        start = hdr + 1
    else:  # NPS: two-row header, nine value columns under Lifetime / Past year / Past month
        sub = [str(x).strip().lower() if x is not None else '' for x in rows[hdr + 1]]
        value_cols = [i for i, x in enumerate(sub) if x in ('total', 'male', 'female')]
        bound_cols = []
        start = hdr + 2
    n = 0
    for r in rows[start:]:
        r = list(r) + [None] * 30
        values = [c for c in value_cols if not blank(r[c])]
        bounds = [c for c in bound_cols if not blank(r[c])]
        if blank(r[country]) and not values and not bounds:
            continue  # blank, note or label row
        n += len(values)
        if bound_cols and blank(r[value_cols[0]]) and bounds:
            n += 1  # a Low/High without Best
        if not values and not (bound_cols and bounds):
            n += 1  # a country row without any value
    print('prevalence', ws.title, n)
    total += n
print('prevalence total', total)

wb = openpyxl.load_workbook(base + '/unodc-wdr2025/6.1.1_coca_bush_cultivation.xlsx', data_only=True)
ws = wb.active
rows = list(ws.iter_rows(values_only=True))
year_row = 4  # row 5: the years across
year_cols = [i for i, v in enumerate(rows[year_row]) if v is not None]
n = 0
for r in rows[year_row + 1:]:
    label = r[1]
    if blank(label) or len(str(label)) > 60 or str(label).strip()[1:2] == ')':
        continue
    n += sum(1 for c in year_cols if not blank(r[c]))
print('cultivation year cells', n)
