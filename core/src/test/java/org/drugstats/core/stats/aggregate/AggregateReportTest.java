package org.drugstats.core.stats.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateReportTest {

    @Test
    void jsonFieldsAndWithheldValues() throws Exception {
        String json = AggregateReport.toJson(AggregationState.of(AggregationStateTest.fixture())
                .finish(AggregationRule.withDefaults()));
        JsonNode arr = new ObjectMapper().readTree(json);
        assertEquals(10, arr.size());
        JsonNode subA = arr.get(0);
        List<String> names = new ArrayList<>();
        subA.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("level", "name", "value", "lower", "upper", "coverage", "imputed_areas", "reason",
                "population", "population_with_data", "areas", "areas_with_data"), names);
        assertEquals("subregion", subA.get("level").asText());
        // python reference (aggregate_reference.py): Sub A value 3.5, lower 2.625, upper 4.375
        assertEquals(3.5, subA.get("value").asDouble(), 1e-12);
        assertEquals(2.625, subA.get("lower").asDouble(), 1e-12);
        assertEquals("A3", subA.get("imputed_areas").get(0).asText());
        assertTrue(subA.get("reason").isNull());
        JsonNode subB = arr.get(1);
        assertTrue(subB.get("value").isNull());
        assertTrue(subB.get("reason").asText().startsWith("coverage 0.0000"));
        JsonNode world = arr.get(9);
        assertEquals("world", world.get("level").asText());
        assertEquals("World", world.get("name").asText());
        assertEquals(3.345215759849906, world.get("value").asDouble(), 1e-12);
    }

    @Test
    void badRowsNameFileLineColumnAndValue(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("in.csv");
        String head = "area,subregion,region,population,value,lower,upper\n";
        Files.writeString(csv, head + "A,s,r,10,1,0.5,2\nB,s,r,10,abc,,\n");
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> AggregateReport.readCsv(csv));
        assertTrue(e.getMessage().startsWith(csv + ", line 3, column 'value': value 'abc'"), e.getMessage());
        Files.writeString(csv, head + "A,s,r,10,1,0.5,\n");
        e = assertThrows(DrugstatsException.class, () -> AggregateReport.readCsv(csv));
        assertTrue(e.getMessage().contains("line 2, column 'upper'"), e.getMessage());
        Files.writeString(csv, head + "A,s,r,10,3,0.5,2\n");
        e = assertThrows(DrugstatsException.class, () -> AggregateReport.readCsv(csv));
        assertTrue(e.getMessage().contains("line 2, column 'value': value '3'"), e.getMessage());
        Files.writeString(csv, head + "A,,r,10,3,,\n");
        e = assertThrows(DrugstatsException.class, () -> AggregateReport.readCsv(csv));
        assertTrue(e.getMessage().contains("line 2, column 'subregion'"), e.getMessage());
        Files.writeString(csv, head + "A,s,r,-5,3,,\n");
        e = assertThrows(DrugstatsException.class, () -> AggregateReport.readCsv(csv));
        assertTrue(e.getMessage().contains("line 2, column 'population': value '-5'"), e.getMessage());
        Files.writeString(csv, "area,subregion,region,population,value\nA,s,r,10,1\n");
        assertEquals(1, AggregateReport.readCsv(csv).size());
    }
}
