package org.drugstats.spark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Peak memory of a measured section: the JVM heap (sum of the heap pools' peak usage since the last reset, an upper
 * bound of the true peak) and the process's resident set (Linux {@code VmHWM}, reset through
 * {@code /proc/self/clear_refs}); the resident set also counts native memory, which is where DuckDB allocates.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    /** Peaks of one section. */
    public record Peak(long heapBytes, OptionalLong rssBytes) {
    }

    /** Resets both high-water marks (a GC first, so the section starts from live data only). */
    public static void reset() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed: the RSS peak is then the process's lifetime peak
        }
    }

    /** The peaks since {@link #reset()}. */
    public static Peak read() {
        long heap = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                heap += p.getPeakUsage().getUsed();
            }
        }
        return new Peak(heap, rss("VmHWM:"));
    }

    /** The current resident set size. */
    public static OptionalLong currentRss() {
        return rss("VmRSS:");
    }

    private static OptionalLong rss(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    String[] f = line.substring(key.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(f[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
