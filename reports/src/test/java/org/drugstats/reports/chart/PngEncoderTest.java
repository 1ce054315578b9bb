package org.drugstats.reports.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.junit.jupiter.api.Test;

/**
 * The PNG encoder against the JDK's decoder (ImageIO, an independent implementation of the PNG specification): the
 * decoded pixels must equal the encoded image's, and the chunks must be well formed.
 */
class PngEncoderTest {

    private static int[] argb(BufferedImage im) {
        return im.getRGB(0, 0, im.getWidth(), im.getHeight(), null, 0, im.getWidth());
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage im = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(im, "ImageIO decodes the PNG");
        return im;
    }

    private record Chunk(String type, int length, boolean crcOk, byte[] data) {
    }

    /** The chunks of a PNG, with their CRCs checked (specification, section 5.3). */
    private static List<Chunk> chunks(byte[] png) {
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                java.util.Arrays.copyOf(png, 8), "signature");
        List<Chunk> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png, 8, png.length - 8);
        while (b.hasRemaining()) {
            int len = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            byte[] data = new byte[len];
            b.get(data);
            int crc = b.getInt();
            CRC32 c = new CRC32();
            c.update(type);
            c.update(data);
            out.add(new Chunk(new String(type, StandardCharsets.US_ASCII), len, (int) c.getValue() == crc, data));
        }
        return out;
    }

    /** An anti-aliased drawing like a chart's: flat areas, lines, text and shapes. */
    private static BufferedImage drawing(int w, int h, int type, Color background) {
        BufferedImage im = new BufferedImage(w, h, type);
        Graphics2D g = im.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (background != null) {
            g.setColor(background);
            g.fillRect(0, 0, w, h);
        }
        g.setColor(new Color(0x1f77b4));
        g.setStroke(new BasicStroke(2.5f));
        for (int i = 0; i < 12; i++) {
            g.drawLine(i * w / 12, h - 1 - (i * i * h / 160), (i + 1) * w / 12, h - 1 - ((i + 1) * (i + 1) * h / 160));
        }
        g.setColor(new Color(255, 127, 14, 120));
        g.fill(new Ellipse2D.Double(w * 0.2, h * 0.2, w * 0.4, h * 0.3));
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("Coca bush cultivation, hectares \u2013 2023", 10, 20);
        g.dispose();
        return im;
    }

    @Test
    void opaqueChartDecodesToTheSamePixelsAsTruecolour() throws Exception {
        BufferedImage im = drawing(641, 397, BufferedImage.TYPE_INT_ARGB, Color.WHITE);
        byte[] png = PngEncoder.encode(im);
        List<Chunk> cs = chunks(png);
        assertEquals("IHDR", cs.get(0).type());
        assertEquals("IEND", cs.get(cs.size() - 1).type());
        assertTrue(cs.stream().allMatch(Chunk::crcOk), "every chunk's CRC is right");
        ByteBuffer ihdr = ByteBuffer.wrap(cs.get(0).data());
        assertEquals(641, ihdr.getInt());
        assertEquals(397, ihdr.getInt());
        assertEquals(8, ihdr.get(), "bit depth");
        assertEquals(2, ihdr.get(), "colour type 2 (truecolour): every pixel is opaque");
        assertArrayEquals(argb(im), argb(decode(png)));
    }

    @Test
    void translucentPixelsKeepTheirAlpha() throws Exception {
        BufferedImage im = drawing(300, 211, BufferedImage.TYPE_INT_ARGB, null);
        byte[] png = PngEncoder.encode(im);
        assertEquals(6, chunks(png).get(0).data()[9], "colour type 6 (truecolour with alpha)");
        BufferedImage back = decode(png);
        assertTrue(back.getColorModel().hasAlpha());
        assertArrayEquals(argb(im), argb(back));
    }

    @Test
    void noisyImageSpansSeveralDataChunks() throws Exception {
        BufferedImage im = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Random r = new Random(42);
        for (int y = 0; y < im.getHeight(); y++) {
            for (int x = 0; x < im.getWidth(); x++) {
                im.setRGB(x, y, r.nextInt());
            }
        }
        byte[] png = PngEncoder.encode(im);
        long idat = chunks(png).stream().filter(c -> c.type().equals("IDAT")).count();
        assertTrue(idat >= 7, "480,000 random bytes do not compress: at least 7 IDAT chunks of 64 KiB, got " + idat);
        assertTrue(chunks(png).stream().allMatch(Chunk::crcOk));
        assertArrayEquals(argb(im), argb(decode(png)));
    }

    @Test
    void otherImageTypesAndTinyImages() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage im = drawing(97, 61, type, type == BufferedImage.TYPE_4BYTE_ABGR ? null : Color.WHITE);
            assertArrayEquals(argb(im), argb(decode(PngEncoder.encode(im))), "image type " + type);
        }
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        one.setRGB(0, 0, 0x80123456);
        assertArrayEquals(argb(one), argb(decode(PngEncoder.encode(one))));
        // a sub-image shares its parent's raster with an offset: read through getRGB
        BufferedImage parent = drawing(120, 90, BufferedImage.TYPE_INT_ARGB, Color.WHITE);
        BufferedImage sub = parent.getSubimage(13, 7, 50, 40);
        assertArrayEquals(argb(sub), argb(decode(PngEncoder.encode(sub))));
    }

    @Test
    void chartPixelsAreThoseOfJFreeChartsOwnScaledPng() throws Exception {
        // the reference: JFreeChart's ChartUtils at twice the density, encoded by ImageIO
        BuiltChart c = TimeSeriesBandChart.build(ReportTheme.standard(), ChartText.of("Coca bush cultivation", null,
                "Year", "Hectares", "UNODC, World Drug Report 2025, annex table 6.1.1"), ChartsTest.coca());
        ByteArrayOutputStream ref = new ByteArrayOutputStream();
        ChartUtils.writeScaledChartAsPNG(ref, c.chart(), c.width(), c.height(), 2, 2);
        BufferedImage expected = decode(ref.toByteArray());
        BufferedImage ours = decode(PngEncoder.encode(ChartFiles.raster(c)));
        assertEquals(expected.getWidth(), ours.getWidth());
        assertEquals(expected.getHeight(), ours.getHeight());
        assertArrayEquals(argb(expected), argb(ours));
    }
}
