package dev.activationlab.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

class ChartRendererTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private final ChartRenderer renderer = new ChartRenderer(4000 * 4000, WAIT);

    /** x from −6 to 6 in 0.05 steps. */
    private static double[] grid() {
        double[] x = new double[241];
        for (int i = 0; i < x.length; i++) {
            x[i] = -6 + i * 0.05;
        }
        return x;
    }

    private static double[] map(double[] x, java.util.function.DoubleUnaryOperator f) {
        return Arrays.stream(x).map(f).toArray();
    }

    private static JFreeChart sigmoidAndTanh() {
        double[] x = grid();
        return Charts.lineChart(new ChartText("sigmoid, tanh and their derivatives", List.of("solid: f(x)"), "x", "f(x)"),
                List.of(new Line("sigmoid", x, map(x, v -> 1 / (1 + Math.exp(-v))), 0, false),
                        new Line("sigmoid′", x, map(x, v -> Math.exp(-v) / Math.pow(1 + Math.exp(-v), 2)), 0, true),
                        new Line("tanh", x, map(x, Math::tanh), 1, false)));
    }

    @Test
    void svgShouldBeXmlOfTheRequestedSizeWithTitleLegendAndTickLabels() throws Exception {
        SvgDocument svg = SvgDocument.parse(renderer.render(sigmoidAndTanh(), PlotFormat.SVG, 640, 480));

        assertThat(svg.root().getLocalName()).isEqualTo("svg");
        assertThat(svg.width()).isEqualTo(640.0);
        assertThat(svg.height()).isEqualTo(480.0);
        assertThat(svg.root().getAttribute("viewBox")).isEqualTo("0.0 0.0 640.0 480.0");
        assertThat(svg.texts()).contains("sigmoid, tanh and their derivatives", "solid: f(x)", "x", "f(x)")
                // Legend entries, one per line, exactly as labelled.
                .contains("sigmoid", "sigmoid′", "tanh")
                // Tick labels of both axes.
                .contains("-6", "0", "6", "0.0", "1.0");
    }

    @Test
    void svgShouldDrawEachLineAsOnePath() throws Exception {
        SvgDocument svg = SvgDocument.parse(renderer.render(sigmoidAndTanh(), PlotFormat.SVG, 800, 500));

        // 241 points per line drawn as segments would be hundreds of elements; as paths it stays small.
        assertThat(svg.count("path")).isLessThan(60);
    }

    @Test
    void pngShouldBeAnImageOfTheRequestedSizeShowingEachLineColour() throws Exception {
        byte[] png = renderer.render(sigmoidAndTanh(), PlotFormat.PNG, 640, 480);

        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(countPixels(image, Palette.colour(0))).isGreaterThan(200);
        assertThat(countPixels(image, Palette.colour(1))).isGreaterThan(200);
        assertThat(countPixels(image, Palette.colour(2))).isZero();
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void log10ChartShouldLabelTicksAsPowersOfTenFarBelowTheSmallestDouble() throws Exception {
        // Sigmoid at z = 0 over 1000 layers: |g_k| = 0.25^(1001 − k), down to 10^−602.
        int layers = 1000;
        double[] layer = new double[layers];
        double[] log10 = new double[layers];
        double[] dead = new double[layers];
        for (int k = 1; k <= layers; k++) {
            layer[k - 1] = k;
            log10[k - 1] = (layers - k + 1) * Math.log10(0.25);
            dead[k - 1] = Double.NaN;
        }
        JFreeChart chart = Charts.log10Chart(new ChartText("gradient", List.of(), "layer", "|gradient|"),
                List.of(new Line("sigmoid", layer, log10, 0, false), new Line("relu", layer, dead, 1, false)));

        SvgDocument svg = SvgDocument.parse(renderer.render(chart, PlotFormat.SVG, 800, 500));

        assertThat(svg.texts()).contains("10\u2070", "10\u207B\u2076\u2070\u2070", "sigmoid", "relu", "1,000");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.render(chart, PlotFormat.PNG, 800, 500)));
        assertThat(countPixels(image, Palette.colour(0))).isGreaterThan(500);
    }

    @Test
    void log10ChartShouldMarkEachLayerOfAShortChainOnly() {
        String colour = "fill:rgb(78,121,167)";
        int shortChain = occurrences(new String(renderChain(3), StandardCharsets.UTF_8), colour);
        int longChain = occurrences(new String(renderChain(100), StandardCharsets.UTF_8), colour);

        // A filled marker per layer of the short chain (and one beside its legend entry); the long one is a plain line.
        assertThat(shortChain - longChain).isGreaterThanOrEqualTo(3);
    }

    private byte[] renderChain(int layers) {
        double[] layer = new double[layers];
        double[] log10 = new double[layers];
        for (int k = 1; k <= layers; k++) {
            layer[k - 1] = k;
            log10[k - 1] = -(layers - k + 1);
        }
        JFreeChart chart = Charts.log10Chart(new ChartText("gradient", List.of(), "layer", "|gradient|"),
                List.of(new Line("sigmoid", layer, log10, 0, false)));
        return renderer.render(chart, PlotFormat.SVG, 400, 300);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void chartsShouldRefuseWhatNoAxisCanShow() {
        double[] x = {0, 1};
        ChartText text = new ChartText("t", List.of(), "x", "y");
        assertThatIllegalArgumentException().isThrownBy(() -> Charts.lineChart(text, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Charts.lineChart(text,
                List.of(new Line("a", x, new double[] {0, Double.POSITIVE_INFINITY}, 0, false))));
        assertThatIllegalArgumentException().isThrownBy(() -> Charts.lineChart(text,
                List.of(new Line("a", x, new double[] {-1e308, 1e308}, 0, false))));
        assertThatIllegalArgumentException().isThrownBy(() -> Charts.lineChart(text,
                List.of(new Line("a", new double[] {-1e308, 1e308}, x, 0, false))));
        assertThatIllegalArgumentException().isThrownBy(() -> Charts.lineChart(text,
                List.of(new Line("a", x, x, 0, false), new Line("a", x, x, 1, false))));
    }

    @Test
    void renderShouldRefuseAnEmptyImage() {
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render(sigmoidAndTanh(), PlotFormat.PNG, 0, 10));
    }

    @Test
    void pixelBudgetShouldBeAQuarterOfTheHeapAtFourBytesAPixel() {
        long gib = 1L << 30;
        // 1 GiB heap: 256 MiB for rasters, 64 Mi pixels (four 4000 × 4000 images).
        assertThat(ChartRenderer.pixelBudget(gib, 16_000_000)).isEqualTo(67_108_864);
        // 512 MiB heap: 32 Mi pixels.
        assertThat(ChartRenderer.pixelBudget(512L << 20, 16_000_000)).isEqualTo(33_554_432);
    }

    @Test
    void pixelBudgetShouldHoldAtLeastOneImageOfTheLargestSize() {
        // 64 MiB heap: a quarter is 4 Mi pixels, less than one 4000 × 4000 image.
        assertThat(ChartRenderer.pixelBudget(64L << 20, 16_000_000)).isEqualTo(16_000_000);
        assertThat(ChartRenderer.pixelBudget(0, 0)).isEqualTo(1);
    }

    @Test
    void pixelBudgetShouldStopAtTheLargestSemaphoreCount() {
        assertThat(ChartRenderer.pixelBudget(Long.MAX_VALUE, 16_000_000)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ChartRenderer.pixelBudget(64L << 30, 16_000_000)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void pngLargerThanTheBudgetShouldBeRefusedRatherThanWaitForever() {
        ChartRenderer small = new ChartRenderer(200 * 200, WAIT);

        assertThatIllegalArgumentException().isThrownBy(() -> small.render(sigmoidAndTanh(), PlotFormat.PNG, 201, 200));
        assertThat(small.render(sigmoidAndTanh(), PlotFormat.PNG, 200, 200)).isNotEmpty();
        // An SVG holds no raster: its size is not counted.
        assertThat(small.render(sigmoidAndTanh(), PlotFormat.SVG, 400, 400)).isNotEmpty();
    }

    @Test
    void renderShouldGiveItsPixelsBack() {
        ChartRenderer small = new ChartRenderer(300 * 300, WAIT);

        small.render(sigmoidAndTanh(), PlotFormat.PNG, 300, 300);
        small.render(sigmoidAndTanh(), PlotFormat.PNG, 200, 100);

        assertThat(small.availablePixels()).isEqualTo(90_000);
    }

    @Test
    void pngWhosePixelsStayTakenShouldBeRefusedAfterTheWait() throws Exception {
        ChartRenderer small = new ChartRenderer(300 * 300, Duration.ofMillis(50));
        Field field = ChartRenderer.class.getDeclaredField("pixels");
        field.setAccessible(true);
        Semaphore pixels = (Semaphore) field.get(small);
        pixels.acquire(90_000);   // as a render of 300 × 300 in another request would

        assertThatThrownBy(() -> small.render(sigmoidAndTanh(), PlotFormat.PNG, 100, 100))
                .isInstanceOf(ChartRenderer.BusyException.class);

        pixels.release(90_000);
        assertThat(small.render(sigmoidAndTanh(), PlotFormat.PNG, 100, 100)).isNotEmpty();
        assertThat(small.availablePixels()).isEqualTo(90_000);
    }

    @Test
    void formatShouldBeFoundByNameInAnyCase() {
        assertThat(PlotFormat.named("PNG")).contains(PlotFormat.PNG);
        assertThat(PlotFormat.named(" svg ")).contains(PlotFormat.SVG);
        assertThat(PlotFormat.named("gif")).isEmpty();
        assertThat(PlotFormat.SVG.mediaType()).isEqualTo("image/svg+xml");
    }

    private static int countPixels(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }
}
