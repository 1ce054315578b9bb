# Independent check of tau and Sen's slope/intercept: scipy 1.10.1 (Debian python3-scipy).
# /usr/bin/python3 mann_kendall_scipy.py
from scipy import stats
x1 = list(range(2000, 2020))
y1 = [50.152, 52.454, 52.353, 55.686, 58.597, 59.344, 65.229, 67.110, 67.975, 67.304,
      65.251, 62.436, 59.222, 58.702, 57.472, 57.055, 60.938, 60.794, 62.060, 63.497]
x2 = [2000, 2001, 2002, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014]
y2 = [12, 14, 14, 13, 15, 17, 17, 17, 16, 19, 18, 21, 21, 20]
for name, x, y in (("series 1", x1, y1), ("series 2", x2, y2)):
    print(name, "kendalltau(x, y) tau-b:", repr(stats.kendalltau(x, y).statistic))
    r = stats.theilslopes(y, x)
    print(name, "theilslopes(y, x) slope, intercept:", repr(r.slope), repr(r.intercept))
