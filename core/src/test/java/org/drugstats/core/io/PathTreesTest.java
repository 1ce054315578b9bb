package org.drugstats.core.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathTreesTest {

    @TempDir
    Path tmp;

    @Test
    void deletesANestedTreeAndLeavesItsSiblings() throws IOException {
        Path root = tmp.resolve("out");
        Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(root.resolve("a/b/c/x.parquet"), "x");
        Files.writeString(root.resolve("a/y.csv"), "y");
        Files.writeString(root.resolve(".hidden"), "h");
        Files.writeString(tmp.resolve("sibling.txt"), "s");
        PathTrees.delete(root);
        assertFalse(Files.exists(root));
        assertTrue(Files.exists(tmp.resolve("sibling.txt")));
    }

    @Test
    void aMissingPathIsFineAndAPlainFileIsDeleted() throws IOException {
        PathTrees.delete(tmp.resolve("never-there"));
        Path f = tmp.resolve("f.txt");
        Files.writeString(f, "f");
        PathTrees.delete(f);
        assertFalse(Files.exists(f));
    }
}
