package org.drugstats.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** What an I/O failure means, in words for an analyst rather than the name of a Java exception. */
public final class IoMessages {

    private IoMessages() {
    }

    /** One line: what failed and on which path, without exception class names. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "already exists: " + f.getFile();
        }
        if (e instanceof NotDirectoryException d) {
            return "not a folder: " + d.getFile();
        }
        if (e instanceof DirectoryNotEmptyException d) {
            return "folder not empty: " + d.getFile();
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() == null ? "cannot be used" : f.getReason().toLowerCase(java.util.Locale.ROOT);
            return reason + ": " + f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
        }
        String m = e.getMessage();
        return (m == null || m.isBlank() ? "input/output error" : m).replaceAll("\\s+", " ").strip();
    }
}
