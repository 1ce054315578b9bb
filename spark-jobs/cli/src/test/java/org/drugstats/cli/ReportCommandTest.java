package org.drugstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = DrugstatsCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void rendersIntoTheRunDirectoryByDefault(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("out/results"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "report", "--results", run.toString(), "--threads", "1");
        assertEquals(0, code, err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("out/report/index.html")));
        assertTrue(out.toString().startsWith("report: " + dir.resolve("out/report/index.html").toAbsolutePath()),
                out.toString());
        assertTrue(out.toString().contains("12 pages"), out.toString());
    }

    @Test
    void aMissingResultsDirectoryIsAOneLineError(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "report", "--results", dir.resolve("nope").toString());
        assertEquals(1, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("drugstats: error: ") && err.toString().contains("nope"), err.toString());
    }

    @Test
    void unreadableResultsAreWarnedAbout(@TempDir Path dir) throws Exception {
        Path trends = Files.createDirectories(dir.resolve("out/results/trends"));
        Files.writeString(trends.resolve("part-00000.parquet"), "junk");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "report", "--results", dir.resolve("out").toString(), "--out",
                dir.resolve("r").toString());
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().startsWith("drugstats: warning: ") && err.toString().contains("part-00000.parquet"),
                err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("r/index.html")));
    }
}
