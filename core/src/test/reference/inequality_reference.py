# Reference values for org.drugstats.core.stats.inequality tests.
# Run once with: /usr/bin/python3 inequality_reference.py [path to shared/data]
#   (numpy 1.24.2, Debian 12). R's ineq package is not packaged for Debian 12 (apt: no r-cran-ineq), so the
#   Gini is computed here with both textbook formulas independently of the Java code.
import sys, csv
import numpy as np

def lorenz(pop, cons):
    pop = np.asarray(pop, float); cons = np.asarray(cons, float)
    x = cons / pop
    order = np.lexsort((np.arange(len(x)), x))  # by per-capita ascending (stable)
    F = np.concatenate([[0.0], np.cumsum(pop[order]) / pop.sum()])
    L = np.concatenate([[0.0], np.cumsum(cons[order]) / cons.sum()])
    return F, L

def gini_trapezoid(F, L):
    return 1 - np.sum((F[1:] - F[:-1]) * (L[1:] + L[:-1]))

def gini_pairwise(pop, cons):
    pop = np.asarray(pop, float); cons = np.asarray(cons, float)
    p = pop / pop.sum(); x = cons / pop; mu = np.sum(p * x)
    return np.sum(np.outer(p, p) * np.abs(x[:, None] - x[None, :])) / (2 * mu)

def share_of_bottom(F, L, X):          # interpolated Lorenz ordinate at F = X
    return np.interp(X, F, L)

def pop_share_of_bottom(F, L, Y):      # sup{F : L(F) <= Y}, linear inside segments
    i = np.argmax(L > Y)                # first point above Y
    return F[i-1] + (Y - L[i-1]) / (L[i] - L[i-1]) * (F[i] - F[i-1])

def boundary_cons(F, L, X):            # last country boundary with F_i <= X
    i = np.nonzero(F <= X)[0].max(); return F[i], L[i]

def boundary_pop(F, L, Y):             # last country boundary with L_i <= Y
    i = np.nonzero(L <= Y)[0].max(); return F[i], L[i]

np.set_printoptions(precision=17)
# Small example: areas A..E
pop = [10, 20, 30, 25, 15]; cons = [50, 10, 300, 0, 150]
F, L = lorenz(pop, cons)
print("toy F:", repr(F)); print("toy L:", repr(L))
print("toy gini trapezoid, pairwise:", repr(gini_trapezoid(F, L)), repr(gini_pairwise(pop, cons)))
print("toy share_of_bottom(0.5):", repr(share_of_bottom(F, L, 0.5)), " pop_share_of_bottom(0.2):", repr(pop_share_of_bottom(F, L, 0.2)))
print("toy boundary_cons(0.5):", boundary_cons(F, L, 0.5), " boundary_pop(0.2):", boundary_pop(F, L, 0.2))

root = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
rows = list(csv.DictReader(open(root + "/consumption/incb-opioid-consumption-2015-2017.csv", encoding="utf-8-sig")))
print("rows without meanop_pop (excluded):", [r["Country"] for r in rows if r["meanop_pop"] == ""])
rows = [r for r in rows if r["meanop_pop"] != ""]
print("rows with population 0 (excluded):", [r["Country"] for r in rows if float(r["Pop_2016"]) <= 0])
rows = [r for r in rows if float(r["Pop_2016"]) > 0]
pop = np.array([float(r["Pop_2016"]) for r in rows]); kg100k = np.array([float(r["meanop_pop"]) for r in rows])
cons = kg100k * pop / 1e5  # kg
F, L = lorenz(pop, cons)
print("INCB n =", len(rows), " total pop =", pop.sum(), " total kg =", repr(cons.sum()))
print("INCB gini trapezoid, pairwise:", repr(gini_trapezoid(F, L)), repr(gini_pairwise(pop, cons)))
print("INCB consumption share of bottom 84% (interpolated):", repr(share_of_bottom(F, L, 0.84)))
print("INCB population share of bottom 7.5% (interpolated):", repr(pop_share_of_bottom(F, L, 0.075)))
print("INCB boundary: cons share at last F<=0.84:", boundary_cons(F, L, 0.84), " pop share at last L<=0.075:", boundary_pop(F, L, 0.075))
print("INCB Lorenz points 10, 50, 100, 150, 190:", [(repr(F[i]), repr(L[i])) for i in (10, 50, 100, 150, 190)])
