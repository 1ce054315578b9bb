package org.drugstats.core.stats.inequality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InequalityReportTest {

    @Test
    void jsonHasTheDocumentedFieldsAndNumpyValues(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "area,population,consumption\nA,10,50\nB,20,10\n\"C, the third\",30,300\nD,25,0\nE,15,150\n");
        List<AreaConsumption> areas = InequalityReport.readCsv(csv);
        InequalityReport r = InequalityReport.of(areas, List.of(0.5), List.of(0.2), Ranking.PER_CAPITA_ASCENDING,
                Reading.INTERPOLATED);
        JsonNode j = new ObjectMapper().readTree(r.toJson());
        assertEquals(List.of("gini", "lorenz", "consumption_share_of_bottom", "population_share_of_bottom", "ranking",
                "reading"), iterate(j));
        // numpy (inequality_reference.py, toy data): gini 0.4794117647058824, interp(0.5) 0.06862745098039214,
        // pop_share_of_bottom(0.2) 0.592
        assertEquals(0.4794117647058824, j.get("gini").asDouble(), 1e-12);
        assertEquals(0.06862745098039214, j.get("consumption_share_of_bottom").get("0.5").asDouble(), 1e-12);
        assertEquals(0.592, j.get("population_share_of_bottom").get("0.2").asDouble(), 1e-12);
        assertEquals(6, j.get("lorenz").size());
        assertEquals(0.25, j.get("lorenz").get(1).get(0).asDouble(), 1e-12);
        assertEquals("per-capita ascending", j.get("ranking").asText());
        assertEquals("interpolated", j.get("reading").asText());
    }

    @Test
    void badRowsNameFileLineColumnAndValue(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "area,population,consumption\nA,10,50\nB,ten,10\n");
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> InequalityReport.readCsv(csv));
        assertTrue(e.getMessage().contains("bad.csv, line 3, column 'population': value 'ten'"), e.getMessage());
        Files.writeString(csv, "area,population,consumption\nA,10,50\nB,0,10\n");
        e = assertThrows(DrugstatsException.class, () -> InequalityReport.readCsv(csv));
        assertTrue(e.getMessage().contains("line 3, column 'population': value '0'"), e.getMessage());
        Files.writeString(csv, "area,people,consumption\nA,10,50\n");
        e = assertThrows(DrugstatsException.class, () -> InequalityReport.readCsv(csv));
        assertTrue(e.getMessage().contains("missing column 'population'"), e.getMessage());
        Files.writeString(csv, "area,population,consumption\nA,10,50\nA,10,-1\n");
        e = assertThrows(DrugstatsException.class, () -> InequalityReport.readCsv(csv));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
    }

    private static List<String> iterate(JsonNode j) {
        List<String> names = new java.util.ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
