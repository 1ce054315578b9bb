package org.drugstats.core.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.M49Country;

/**
 * The area codes of the Open SDG platforms' area columns, mapped where the mapping is standard:
 * <ul>
 *   <li>UK Office for National Statistics GSS codes ({@code E09000002}: a letter for the country, E England,
 *       W Wales, S Scotland, N Northern Ireland, K the United Kingdom or Great Britain, then eight digits), kept as
 *       they are (the project's area codes for English local authorities);</li>
 *   <li>Eurostat NUTS codes: level 0 is the country's ISO 3166-1 alpha-2 code except EL (Greece) and UK (United
 *       Kingdom), stored as ISO3; regions below come from {@code nuts-iso3166-2.csv} (Spain's NUTS-2 regions as
 *       ISO 3166-2 codes, {@code ES70} → {@code ES-CN});</li>
 *   <li>ISO 3166-1 alpha-3 codes of the M49 list, as they are.</li>
 * </ul>
 * Anything else is unknown: the kind quarantines its rows naming the code.
 */
final class SdgAreaCodes {

    private static final Pattern GSS = Pattern.compile("[EWSNK]\\d{8}");
    private static final Pattern NUTS = Pattern.compile("[A-Z]{2}[0-9A-Z]{1,3}");
    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");
    private static final String NUTS_RESOURCE = "/org/drugstats/core/geo/nuts-iso3166-2.csv";

    private final Geography geography;
    private final Map<String, String> nuts;

    private SdgAreaCodes(Geography geography, Map<String, String> nuts) {
        this.geography = geography;
        this.nuts = nuts;
    }

    static SdgAreaCodes of(Geography geography) {
        Map<String, String> nuts = new HashMap<>();
        try (InputStream in = SdgAreaCodes.class.getResourceAsStream(NUTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + NUTS_RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                nuts.put(f[0], f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SdgAreaCodes(geography, nuts);
    }

    /** True for an ONS GSS code. */
    static boolean isGss(String code) {
        return GSS.matcher(code).matches();
    }

    /** The area code to store for a published code, or empty when the code is not known. */
    Optional<String> map(String published) {
        String code = published.strip().toUpperCase(Locale.ROOT);
        if (isGss(code)) {
            return Optional.of(code);
        }
        if (ISO3.matcher(code).matches() && geography.country(code).isPresent()) {
            return Optional.of(code);
        }
        if (ISO2.matcher(code).matches()) {
            String iso2 = code.equals("EL") ? "GR" : code.equals("UK") ? "GB" : code;
            return geography.countries().stream().filter(c -> c.iso2().equals(iso2)).map(M49Country::iso3)
                    .findFirst();
        }
        if (NUTS.matcher(code).matches()) {
            return Optional.ofNullable(nuts.get(code));
        }
        return Optional.empty();
    }

    /** What a code looks like, for messages. */
    static String describe(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (ISO2.matcher(c).matches() || NUTS.matcher(c).matches()) {
            return "a NUTS code without a mapping in nuts-iso3166-2.csv";
        }
        return "neither an ONS GSS code, a NUTS code nor an ISO 3166-1 alpha-3 code";
    }
}
