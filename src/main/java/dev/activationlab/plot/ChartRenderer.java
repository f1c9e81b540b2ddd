package dev.activationlab.plot;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart as SVG or PNG bytes, headless (no display is ever opened).
 *
 * <p>A PNG is drawn into an uncompressed raster of 4 bytes a pixel (64 MB at 4000 × 4000), so
 * PNG renders share a budget of pixels: each takes width × height of it for as long as it
 * draws, and waits while the budget is spent. The memory that rasters hold at once is then at
 * most 4 bytes times the budget, however many requests arrive. An SVG holds no raster and is
 * drawn without waiting.
 */
public final class ChartRenderer {

    static {
        // The one place the service sets this (SpringApplication also defaults it to true, but unit tests
        // draw charts without Spring). AWT reads it once, on first use, and ChartRenderer is loaded before
        // any chart is drawn; without it a desktop session would try to open the display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Bytes of one pixel of the raster a PNG is drawn into (TYPE_INT_RGB). */
    public static final int BYTES_PER_PIXEL = 4;

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final int pixelBudget;
    private final Semaphore pixels;
    private final Duration maxWait;

    /**
     * @param pixelBudget pixels of the PNG rasters drawn at the same time, at least 1; an image
     *                    larger than this cannot be drawn
     * @param maxWait     the longest a PNG render waits for its pixels, first come, first served
     * @throws IllegalArgumentException if {@code pixelBudget} &lt; 1 or {@code maxWait} is negative
     */
    public ChartRenderer(int pixelBudget, Duration maxWait) {
        if (pixelBudget < 1) {
            throw new IllegalArgumentException("pixelBudget must be >= 1; got " + pixelBudget);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative; got " + maxWait);
        }
        this.pixelBudget = pixelBudget;
        this.pixels = new Semaphore(pixelBudget, true);
        this.maxWait = maxWait;
    }

    /** Thrown when a PNG render's pixels stayed taken by others for the whole wait. */
    public static final class BusyException extends RuntimeException {
        BusyException(String message) {
            super(message);
        }
    }

    /**
     * The pixel budget for a heap of {@code maxMemory} bytes: a quarter of the heap at
     * {@link #BYTES_PER_PIXEL} bytes a pixel, but at least one image of the largest size allowed,
     * and at most {@link Integer#MAX_VALUE} (the permits a semaphore can hold).
     *
     * @param maxMemory         the heap's maximum in bytes ({@link Runtime#maxMemory()})
     * @param maxImagePixels    the largest width × height a request may ask for
     * @return the budget, ≥ maxImagePixels and ≥ 1
     */
    public static int pixelBudget(long maxMemory, long maxImagePixels) {
        long quarterOfHeap = maxMemory / 4 / BYTES_PER_PIXEL;
        long budget = Math.max(Math.max(quarterOfHeap, maxImagePixels), 1);
        return (int) Math.min(budget, Integer.MAX_VALUE);
    }

    /** The pixels not taken by a PNG render now. */
    int availablePixels() {
        return pixels.availablePermits();
    }

    /**
     * The chart drawn at width × height pixels.
     *
     * @return an SVG 1.1 document in UTF-8 (text as {@code <text>} elements) or a PNG image
     * @throws IllegalArgumentException if width or height is below 1, or a PNG's width × height
     *                                  exceeds the pixel budget
     * @throws IllegalStateException    if the thread is interrupted while waiting its turn
     * @throws BusyException            if other PNG renders held the pixels for the whole wait
     */
    public byte[] render(JFreeChart chart, PlotFormat format, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be >= 1; got " + width + " × " + height);
        }
        if (format == PlotFormat.SVG) {
            return svg(chart, width, height);
        }
        long area = (long) width * height;
        if (area > pixelBudget) {
            throw new IllegalArgumentException(width + " × " + height + " pixels exceed the budget of "
                    + pixelBudget);
        }
        try {
            if (!pixels.tryAcquire((int) area, maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new BusyException("Other PNG renders held the " + pixelBudget + " pixels of the budget for "
                        + maxWait.toMillis() + " ms.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to render a chart", e);
        }
        try {
            return png(chart, width, height);
        } finally {
            pixels.release((int) area);
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
