# Independent read of WDR 2025 annex table 1.4 (youth prevalence) for YouthPrevalenceTest: openpyxl (not POI),
# counting what the kind's row_unit says is one row read (each non-blank Lifetime / Past Year / Past Month cell of a
# row with a country, per sex on the NPS sheet; a country row without any value counts as one), and spot values.
# Run: /usr/bin/python3 core/src/test/reference/annex_1_4_reference.py ../shared/data  (openpyxl 3.0.9, Python 3.11)
import re
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1] + '/unodc-wdr2025/1.4_prevalence_youth_national.xlsx', data_only=True)


def key(v):
    return re.sub('[^a-z]', '', str(v).lower()) if v is not None else ''


total = 0
for ws in wb.worksheets:
    rows = list(ws.iter_rows(values_only=True))
    hdr = None
    for i, r in enumerate(rows[:12]):
        ks = [key(x) for x in r]
        if any(k.startswith('country') for k in ks) and any(k.startswith('coverage') for k in ks):
            hdr = i
            break
    if hdr is None:
        print(ws.title, 'no table')
        continue
    ks = [key(x) for x in rows[hdr]]
    country = next(i for i, k in enumerate(ks) if k.startswith('country'))
    periods = [i for i, k in enumerate(ks) if k in ('lifetime', 'pastyear', 'pastmonth')]
    sub = [key(x) for x in rows[hdr + 1]]
    if all(sub[p] == 'all' for p in periods):
        cols = [p + k for p in periods for k in range(3)]
        start = hdr + 2
    else:
        cols = periods
        start = hdr + 1
    n = 0
    for r in rows[start:]:
        c = r[country] if country < len(r) else None
        if c is None or str(c).strip() == '':
            continue
        v = sum(1 for k in cols if k < len(r) and r[k] is not None and str(r[k]).strip() != '')
        n += v if v else 1
    print(ws.title, n)
    total += n
print('total', total)
ws = wb['Cannabis']
for r in ws.iter_rows(min_row=5, max_row=12, values_only=True):
    if r[2] == 'Kenya' and r[7] == 2016:
        print('Kenya cannabis 2016', repr(r[3]), 'lifetime', r[4], 'past year', r[5], 'past month', r[6], 'notes', r[9])
ws = wb['NPS']
for r in ws.iter_rows(min_row=6, max_row=8, values_only=True):
    if r[3] and 'Ivoire' in r[3]:
        print("Cote d'Ivoire NPS", r[4], r[5], repr(r[6]), 'lifetime all/male/female', r[7], r[8], r[9])
