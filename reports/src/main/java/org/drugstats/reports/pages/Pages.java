package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.List;
import org.drugstats.reports.html.Page;

/** Builds every page of the report, in navigation order (overview first). */
public final class Pages {

    private Pages() {
    }

    /** The pages: the road to 2029 (first in the navigation), overview (index.html), drug use, SDG 3.5, SDG 16.4, medicines, supply, trends, quality and methods. */
    public static List<Page> build(PageContext c) {
        List<Page> others = new ArrayList<>();
        Page road = RoadTo2029Page.build(c);
        others.add(road);
        others.add(DrugUsePage.build(c));
        others.add(TreatmentPage.build(c));
        others.add(FinancialFlowsPage.build(c));
        others.add(MedicinesPage.build(c));
        others.add(SupplyPage.build(c));
        others.add(DeathsPage.build(c));
        others.add(WastewaterPage.build(c));
        others.add(TrendsPage.build(c));
        others.add(MapsPage.build(c));
        others.add(QualityPage.build(c));
        List<Page> all = new ArrayList<>();
        all.add(road);
        all.add(OverviewPage.build(c, others));
        all.addAll(others.subList(1, others.size()));
        return all;
    }
}
