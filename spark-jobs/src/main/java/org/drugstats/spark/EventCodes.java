package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.SeizureEventCodes;
import org.drugstats.core.data.SeizureEvents;

/**
 * The coded keys of seizure-event inputs ({@link SeizureEventCodes}) on the Spark side: which inputs are coded, and
 * the column expressions that look a row's codes up in its input's dictionary.
 *
 * <p>An input is coded when every part file has the {@code area_code} and {@code drug_code} columns and the same
 * dictionary in its metadata ({@value SeizureEvents#META_CODES}); an input whose parts lack either, or carry
 * different dictionaries, is read by its names (its code columns are ignored), exactly as a file written before
 * the codes existed. The look-ups are literal arrays indexed by code ({@code get(array, code)}: null for a code
 * outside the array or not in the dictionary), folded into the generated code: no join, no Java string per row.
 */
public final class EventCodes {

    private EventCodes() {
    }

    /** The dictionary of a coded input's part files, empty when the input is read by its names. */
    public static Optional<SeizureEventCodes> read(List<Path> parts) {
        SeizureEventCodes codes = null;
        for (Path part : parts) {
            Optional<SeizureEventCodes> c = readPart(part);
            if (c.isEmpty() || (codes != null && !codes.equals(c.get()))) {
                return Optional.empty();
            }
            codes = c.get();
        }
        return Optional.ofNullable(codes);
    }

    /**
     * The dictionaries of the coded inputs among {@code inputs}, by input name; an input read by its names is
     * absent.
     */
    public static Map<String, SeizureEventCodes> byInput(List<InputFiles.Input> inputs) {
        Map<String, SeizureEventCodes> m = new LinkedHashMap<>();
        for (InputFiles.Input in : inputs) {
            read(in.parts()).ifPresent(c -> m.put(in.name(), c));
        }
        return m;
    }

    private static Optional<SeizureEventCodes> readPart(Path part) {
        try (ParquetFileReader r = ParquetFileReader.open(org.drugstats.core.data.PathInputFile.of(part))) {
            var meta = r.getFooter().getFileMetaData();
            String json = meta.getKeyValueMetaData().get(SeizureEvents.META_CODES);
            if (json == null || !meta.getSchema().containsField(SeizureEvents.AREA_CODE)
                    || !meta.getSchema().containsField(SeizureEvents.DRUG_CODE)) {
                return Optional.empty();
            }
            return Optional.of(SeizureEventCodes.fromJson(json, part.toString()));
        } catch (java.io.IOException e) {
            throw DrugstatsException.of(e, "%s: not a readable Parquet file (%s)", part, e.getMessage());
        }
    }

    /** The dictionary's area of the row's {@code area_code} (null when not listed), per input. */
    public static Column area(Map<String, SeizureEventCodes> byInput) {
        return perInput(byInput, c -> lookup(c.areas(), Function.identity(), col(SeizureEvents.AREA_CODE)));
    }

    /** The dictionary's drug group of the row's {@code drug_code} (null when not listed), per input. */
    public static Column drugGroup(Map<String, SeizureEventCodes> byInput) {
        return perInput(byInput, c -> lookup(c.drugs(), SeizureEventCodes.Drug::group, col(SeizureEvents.DRUG_CODE)));
    }

    /** The dictionary's drug sub-group of the row's {@code drug_code} (null when none or not listed), per input. */
    public static Column drugSubgroup(Map<String, SeizureEventCodes> byInput) {
        return perInput(byInput,
                c -> lookup(c.drugs(), SeizureEventCodes.Drug::subgroup, col(SeizureEvents.DRUG_CODE)));
    }

    /** The dictionary's drug of the row's {@code drug_code} (null when not listed), per input. */
    public static Column drug(Map<String, SeizureEventCodes> byInput) {
        return perInput(byInput, c -> lookup(c.drugs(), SeizureEventCodes.Drug::drug, col(SeizureEvents.DRUG_CODE)));
    }

    /**
     * True when the row's codes stand for its own names in its input's dictionary (the area, and the drug group,
     * sub-group — null-safe — and drug), false otherwise (a code missing, not listed, or standing for other names);
     * true for an input read by its names. This is core's code check
     * ({@link SeizureEvents#checkRow(String, long, Long, String, Integer, String, String, String, Double, Integer,
     * Integer, SeizureEventCodes)}) for a row that passes the other checks: the area and drug looked up are null
     * for a missing or unlisted code, so the equalities are null and the coalesce false.
     */
    public static Column consistent(Map<String, SeizureEventCodes> byInput, List<String> inputs) {
        Column area = col(SeizureEvents.REF_AREA);
        Column ok = coalesce(area(byInput).equalTo(area)
                .and(drugGroup(byInput).equalTo(col(SeizureEvents.DRUG_GROUP)))
                .and(drug(byInput).equalTo(col(SeizureEvents.DRUG)))
                .and(drugSubgroup(byInput).eqNullSafe(col(SeizureEvents.DRUG_SUBGROUP))), lit(false));
        if (byInput.keySet().containsAll(inputs)) {
            return ok;
        }
        return functions.when(col(Schemas.INPUT).isin(byInput.keySet().toArray()), ok).otherwise(lit(true));
    }

    /** The same expression for every input when all share one dictionary, else one branch per input. */
    private static Column perInput(Map<String, SeizureEventCodes> byInput, Function<SeizureEventCodes, Column> f) {
        if (byInput.values().stream().distinct().count() == 1) {
            return f.apply(byInput.values().iterator().next());
        }
        Column c = lit(null).cast(DataTypes.StringType);
        List<Map.Entry<String, SeizureEventCodes>> es = new ArrayList<>(byInput.entrySet());
        for (int i = es.size() - 1; i >= 0; i--) {
            c = functions.when(col(Schemas.INPUT).equalTo(es.get(i).getKey()), f.apply(es.get(i).getValue()))
                    .otherwise(c);
        }
        return c;
    }

    /** {@code get(array, code)} over a literal array holding the names at their codes (null elsewhere). */
    private static <V> Column lookup(SortedMap<Integer, V> byCode, Function<V, String> name, Column code) {
        int size = byCode.isEmpty() ? 0 : byCode.lastKey() + 1;
        Column[] elements = new Column[size];
        for (int i = 0; i < size; i++) {
            V v = byCode.get(i);
            String s = v == null ? null : name.apply(v);
            elements[i] = s == null ? lit(null).cast(DataTypes.StringType) : lit(s);
        }
        return functions.get(functions.array(elements), code);
    }
}
