package org.drugstats.reports.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A lossless PNG encoder for the report's chart images: 8 bits per sample, truecolour (colour type 2) when every
 * pixel is opaque, truecolour with alpha (colour type 6) otherwise, no interlacing, filter type 0 (None) on every
 * row, and only the critical chunks IHDR, IDAT and IEND (W3C, <i>Portable Network Graphics (PNG) Specification</i>,
 * 2nd ed., 2003, sections 5, 9 and 11).
 *
 * <p>Why not {@code ImageIO}: on the default run's 126 charts (265 million pixels at twice the nominal density)
 * the JDK's writer spent about 9 CPU seconds of a 15 s report — it copies the raster twice, tries all five row
 * filters on every row, and deflates four bytes per pixel at level 4 (BENCHMARKS.md, "Report rendering"). This
 * encoder reads the image's {@code int} pixels in place, writes three bytes per pixel when the image is opaque (a
 * chart on a white background always is), leaves the rows unfiltered and deflates at {@link #LEVEL}. A chart is
 * mostly runs of one colour, which deflate's string matching finds without a filter: on the default run's charts
 * the unfiltered rows deflated smaller than "Up"- or Paeth-filtered ones in about half their time, and the whole
 * encoding took a quarter of ImageIO's time for 11% larger files (level 4 gave smaller files than ImageIO's in 40%
 * of its time; measured in BENCHMARKS.md). The decoded pixels are exactly those of the image (the tests compare
 * them through the JDK's decoder); the bytes differ from ImageIO's.
 *
 * <p>Stateless and thread-safe: every call uses its own {@link Deflater}, released before returning.
 */
public final class PngEncoder {

    /** Deflate level (1 = fastest, 9 = smallest); zlib's fastest strategy, levels 1-3, ends at 3. */
    public static final int LEVEL = 3;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Bytes of compressed data per IDAT chunk. */
    private static final int CHUNK = 1 << 16;
    private static final int FILTER_NONE = 0;

    private PngEncoder() {
    }

    /** The PNG encoding of {@code image}. */
    public static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            write(image, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the PNG encoding of {@code image} to {@code out} (which is not closed).
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(BufferedImage image, OutputStream out) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        Pixels px = Pixels.of(image);
        boolean opaque = px.opaque();
        int channels = opaque ? 3 : 4;
        out.write(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8;
        ihdr[9] = (byte) (opaque ? 2 : 6);
        // compression method 0, filter method 0, no interlace
        chunk(out, "IHDR", ihdr, ihdr.length);

        int stride = 1 + w * channels;
        byte[] cur = new byte[stride];
        cur[0] = FILTER_NONE;
        int[] row = new int[w];
        byte[] buf = new byte[CHUNK];
        Deflater deflater = new Deflater(LEVEL);
        try {
            int filled = 0;
            for (int y = 0; y < h; y++) {
                px.row(y, row);
                int i = 1;
                if (opaque) {
                    for (int x = 0; x < w; x++) {
                        int p = row[x];
                        cur[i++] = (byte) (p >>> 16);
                        cur[i++] = (byte) (p >>> 8);
                        cur[i++] = (byte) p;
                    }
                } else {
                    for (int x = 0; x < w; x++) {
                        int p = row[x];
                        cur[i++] = (byte) (p >>> 16);
                        cur[i++] = (byte) (p >>> 8);
                        cur[i++] = (byte) p;
                        cur[i++] = (byte) (p >>> 24);
                    }
                }
                deflater.setInput(cur, 0, stride);
                while (!deflater.needsInput()) {
                    filled = drain(deflater, out, buf, filled);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                filled = drain(deflater, out, buf, filled);
            }
            if (filled > 0) {
                chunk(out, "IDAT", buf, filled);
            }
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
    }

    /** Deflates into {@code buf} from {@code filled} on, writing an IDAT chunk whenever it is full. */
    private static int drain(Deflater deflater, OutputStream out, byte[] buf, int filled) throws IOException {
        int n = deflater.deflate(buf, filled, buf.length - filled);
        filled += n;
        if (filled == buf.length) {
            chunk(out, "IDAT", buf, filled);
            return 0;
        }
        return filled;
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(head);
        out.write(data, 0, length);
        out.write(tail);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /**
     * Non-premultiplied ARGB rows of an image: read in place from an {@code int}-packed ARGB or RGB raster (what
     * the charts are drawn into), through {@link BufferedImage#getRGB} for any other image type.
     */
    private record Pixels(BufferedImage image, int[] data, int offset, int scanline, boolean hasAlpha) {

        static Pixels of(BufferedImage image) {
            int type = image.getType();
            if ((type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB)
                    && image.getRaster().getDataBuffer() instanceof DataBufferInt db
                    && image.getSampleModel() instanceof SinglePixelPackedSampleModel sm
                    && db.getNumBanks() == 1 && image.getRaster().getParent() == null) {
                return new Pixels(image, db.getData(), db.getOffset(), sm.getScanlineStride(),
                        type == BufferedImage.TYPE_INT_ARGB);
            }
            return new Pixels(image, null, 0, 0, image.getColorModel().hasAlpha());
        }

        void row(int y, int[] into) {
            int w = into.length;
            if (data == null) {
                image.getRGB(0, y, w, 1, into, 0, w);
            } else if (hasAlpha) {
                System.arraycopy(data, offset + y * scanline, into, 0, w);
            } else {
                int from = offset + y * scanline;
                for (int x = 0; x < w; x++) {
                    into[x] = data[from + x] | 0xff000000;
                }
            }
        }

        boolean opaque() {
            if (!hasAlpha) {
                return true;
            }
            int w = image.getWidth();
            int h = image.getHeight();
            if (data != null) {
                for (int y = 0; y < h; y++) {
                    for (int i = offset + y * scanline, end = i + w; i < end; i++) {
                        if (data[i] >>> 24 != 0xff) {
                            return false;
                        }
                    }
                }
                return true;
            }
            int[] r = new int[w];
            for (int y = 0; y < h; y++) {
                row(y, r);
                for (int p : r) {
                    if (p >>> 24 != 0xff) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
