package org.drugstats.reports.html;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drugstats.core.DrugstatsException;

/**
 * Renders pages with Pebble templates (classpath {@code org/drugstats/reports/templates/*.peb}). Auto-escaping
 * is on with the HTML strategy, so every string from the data — a country or source name containing
 * {@code <script>} or quotes — is written as text; strict variables make a misspelt field an error instead of
 * an empty string. No template marks model text as safe.
 */
public final class HtmlRenderer {

    /** File name of the style sheet. */
    public static final String CSS = "report.css";

    private static final String TEMPLATES = "org/drugstats/reports/templates/";

    private final PebbleEngine engine;

    private HtmlRenderer(PebbleEngine engine) {
        this.engine = engine;
    }

    /** The renderer with the report's templates. */
    public static HtmlRenderer create() {
        ClasspathLoader loader = new ClasspathLoader(HtmlRenderer.class.getClassLoader());
        loader.setPrefix(TEMPLATES);
        loader.setSuffix(".peb");
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(true)
                .newLineTrimming(true)
                .defaultLocale(Locale.ROOT)
                .build();
        return new HtmlRenderer(engine);
    }

    /**
     * Renders a page to a string.
     *
     * @param page the page
     * @param pages all pages (for the navigation bar)
     * @param footer the footer line (run and generator)
     * @param warnings warnings to show at the top of the page (may be empty)
     */
    public String render(Page page, List<Page> pages, String footer, List<String> warnings) {
        List<NavItem> nav = new ArrayList<>();
        for (Page p : pages) {
            nav.add(new NavItem(p.file(), p.navLabel(), p.file().equals(page.file())));
        }
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("page", page);
        ctx.put("nav", nav);
        ctx.put("footer", footer);
        ctx.put("warnings", warnings);
        ctx.put("css", CSS);
        try {
            PebbleTemplate t = engine.getTemplate("page");
            StringWriter w = new StringWriter();
            t.evaluate(w, ctx, Locale.ROOT);
            return w.toString();
        } catch (IOException | RuntimeException e) {
            throw new DrugstatsException("page " + page.file() + ": template failed: " + e.getMessage(), e);
        }
    }

    /** Writes a rendered page. */
    public void write(Path dir, Page page, List<Page> pages, String footer, List<String> warnings) {
        Path file = dir.resolve(page.file());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(render(page, pages, footer, warnings));
        } catch (IOException e) {
            throw new DrugstatsException(file + ": cannot write page: " + e.getMessage(), e);
        }
    }

    /** Copies the style sheet into the report directory. */
    public static void writeCss(Path dir) {
        try (InputStream in = HtmlRenderer.class.getClassLoader().getResourceAsStream(TEMPLATES + CSS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATES + CSS);
            }
            Files.write(dir.resolve(CSS), in.readAllBytes());
        } catch (IOException e) {
            throw new DrugstatsException(dir.resolve(CSS) + ": cannot write: " + e.getMessage(), e);
        }
    }
}
