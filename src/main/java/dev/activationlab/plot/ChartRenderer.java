package dev.activationlab.plot;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart as SVG or PNG bytes, headless (no display is ever opened).
 *
 * <p>A PNG is drawn into an uncompressed raster of width × height × 4 bytes (64 MB at the
 * 4000 × 4000 limit), so at most {@code concurrentRenders} charts are drawn at once; further
 * requests wait their turn. That bounds the memory plots can take to a known multiple.
 */
public final class ChartRenderer {

    static {
        // AWT reads this once, on first use; without it a desktop session would try to open the display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final Semaphore renders;

    /**
     * @param concurrentRenders charts drawn at the same time, at least 1
     * @throws IllegalArgumentException if {@code concurrentRenders} &lt; 1
     */
    public ChartRenderer(int concurrentRenders) {
        if (concurrentRenders < 1) {
            throw new IllegalArgumentException("concurrentRenders must be >= 1; got " + concurrentRenders);
        }
        this.renders = new Semaphore(concurrentRenders, true);
    }

    /**
     * The chart drawn at width × height pixels.
     *
     * @return an SVG 1.1 document in UTF-8 (text as {@code <text>} elements) or a PNG image
     * @throws IllegalArgumentException if width or height is below 1
     * @throws IllegalStateException    if the thread is interrupted while waiting its turn
     */
    public byte[] render(JFreeChart chart, PlotFormat format, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be >= 1; got " + width + " × " + height);
        }
        try {
            renders.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to render a chart", e);
        }
        try {
            return format == PlotFormat.SVG ? svg(chart, width, height) : png(chart, width, height);
        } finally {
            renders.release();
        }
    }

    private static byte[] svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        // The bare element with our own declaration: JFreeSVG's document form adds a DOCTYPE naming
        // the SVG 1.0 DTD on the web, which XML parsers would try to fetch.
        // A viewBox lets a browser scale the drawing to its box (the playground's width, a phone's).
        String element = g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
        return (XML_DECLARATION + element).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            // Writing to memory does not fail for I/O reasons; this would be a bug in the encoder.
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }
}
