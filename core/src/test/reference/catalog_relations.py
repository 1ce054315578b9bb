"""Reference values for CatalogRelationsTest (run once; not part of the build).

Run: /usr/bin/python3 core/src/test/reference/catalog_relations.py
Plain decimal arithmetic with Python's fractions module (exact), printed as floats.
Population: UN WPP 2017 (medium scenario) via Our World in Data, World, 15-64 years
(/work/shared/data/population/wpp2017-population-by-age-group.csv).
Coca: UNODC WDR 2025 statistical annex table 6.1.1, row Total.
"""
import sys
from fractions import Fraction as F

POP_2017 = 4936595963
POP_2021 = 5125338222
rows = {
    # 39.5 million in 2021 is 45% more than in 2011 -> 2011 value; bounds from 45 +- 0.5
    "dud_2011": F("39.5e6") / (1 + F(45, 100)),
    "dud_2011_lo": F("39.5e6") / (1 + F("45.5") / 100),
    "dud_2011_hi": F("39.5e6") / (1 + F("44.5") / 100),
    # 1 in 5 -> coverage, gap; 1 in 11 -> coverage, gap
    "cov_1_in_5": F(100, 5), "gap_1_in_5": 100 - F(100, 5),
    "cov_1_in_11": F(100, 11), "gap_1_in_11": 100 - F(100, 11),
    # 271 million / WPP 2017 15-64 2017; implied population from 5.5 %
    "prev_2017": 100 * F(271_000_000) / POP_2017,
    "implied_pop_2017": F(271_000_000) / F("0.055"),
    # 296 million / WPP 2017 15-64 2021 (a worked check of the catalog figure against its denominator)
    "prev_2021": 100 * F(296_000_000) / POP_2021,
    # PWID: more than half with HCV, one in eight with HIV
    "pwid_hcv": F(11_000_000) * F(1, 2), "pwid_hiv": F(11_000_000) / 8,
    # 84% of population / 7.5% of consumption -> complement
    "rest_pop": 100 - F(84), "rest_cons": 100 - F("7.5"),
    # opium poppy: 345,900 ha in 2018 after a 17% decline from 2017
    "opium_2017": F(345_900) / (1 - F(17, 100)),
    "opium_2017_lo": F(345_900) / (1 - F("16.5") / 100),
    "opium_2017_hi": F(345_900) / (1 - F("17.5") / 100),
    "opium_rev_diff": F(345_700) - F(345_900),
    "opium_rev_rel": (F(345_700) - F(345_900)) / F(345_900),
    # coca WDR 2025 annex 2017 / 2013
    "coca_ratio": F(245_400) / F(120_800),
    # WDR 2019: share of people who use drugs with disorders; WDR 2023: same
    "dud_share_users_2017": 100 * F(35, 271),
    "dud_share_users_2021": 100 * F("39.5") / 296,
    # cross-edition (shown to be refused by default): WDR 2019 35 m (2017) -> WDR 2023 39.5 m (2021)
    "cross_edition_change": 100 * (F("39.5") - 35) / 35,
}
print(sys.version.split()[0])
for k, v in rows.items():
    print(f"{k:24s} {float(v)!r}")
