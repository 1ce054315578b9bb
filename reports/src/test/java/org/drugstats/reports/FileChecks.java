package org.drugstats.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Checks that rendered files are what they claim to be. */
public final class FileChecks {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private FileChecks() {
    }

    /** A PNG: the 8-byte signature, and ImageIO decodes it to a non-empty image. */
    public static BufferedImage assertPng(Path file) throws Exception {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        assertArrayEquals(PNG_SIGNATURE, head, file + " has no PNG signature: " + Arrays.toString(head));
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, file + " is not decodable by ImageIO");
        assertTrue(img.getWidth() > 0 && img.getHeight() > 0, file + " is empty");
        return img;
    }

    /** An SVG: well-formed XML (no external DTD fetched) whose root element is svg. */
    public static Document assertSvg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        Document d = f.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", d.getDocumentElement().getLocalName(), file + " root element");
        return d;
    }
}
