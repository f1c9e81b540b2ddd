package dev.activationlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The plane of a two-input network coloured by its output, with the samples drawn over it by
 * class: what a classifier has learned, as TensorFlow Playground shows it.
 */
public final class DecisionBoundaryChart {

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private DecisionBoundaryChart() {
    }

    /**
     * @param text    title, notes and axis labels
     * @param xs      grid x, ascending, evenly spaced (at least 2)
     * @param ys      grid y, ascending, evenly spaced (at least 2)
     * @param values  the output at (xs[i], ys[j]) as values[j][i]
     * @param low     the value drawn in class 0's colour (lower values too)
     * @param high    the value drawn in class 1's colour (higher values too)
     * @param points  sample coordinates, n × 2
     * @param classes each sample's class, 0 or 1 (others drawn as class 1)
     */
    public static JFreeChart draw(ChartText text, double[] xs, double[] ys, double[][] values, double low,
            double high, double[][] points, int[] classes) {
        int n = xs.length * ys.length;
        double[][] xyz = new double[3][n];
        int k = 0;
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                xyz[0][k] = xs[i];
                xyz[1][k] = ys[j];
                xyz[2][k] = values[j][i];
                k++;
            }
        }
        DefaultXYZDataset plane = new DefaultXYZDataset();
        plane.addSeries("output", xyz);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(xs[1] - xs[0]);
        blocks.setBlockHeight(ys[1] - ys[0]);
        blocks.setPaintScale(new TwoClassScale(low, high));
        blocks.setDefaultSeriesVisibleInLegend(false);

        XYSeriesCollection samples = new XYSeriesCollection();
        XYSeries zero = new XYSeries("class 0", false, true);
        XYSeries one = new XYSeries("class 1", false, true);
        for (int r = 0; r < points.length; r++) {
            (classes[r] == 0 ? zero : one).add(points[r][0], points[r][1], false);
        }
        samples.addSeries(zero);
        samples.addSeries(one);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < 2; s++) {
            dots.setSeriesPaint(s, Palette.colour(s).darker());
            dots.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
            dots.setSeriesOutlinePaint(s, Color.WHITE);
            dots.setSeriesOutlineStroke(s, new BasicStroke(1.0f));
        }
        dots.setUseOutlinePaint(true);
        dots.setDrawOutlines(true);

        NumberAxis xAxis = new NumberAxis(text.xLabel());
        NumberAxis yAxis = new NumberAxis(text.yLabel());
        double halfX = (xs[1] - xs[0]) / 2;
        double halfY = (ys[1] - ys[0]) / 2;
        xAxis.setRange(xs[0] - halfX, xs[xs.length - 1] + halfX);
        yAxis.setRange(ys[0] - halfY, ys[ys.length - 1] + halfY);
        XYPlot plot = new XYPlot(plane, xAxis, yAxis, blocks);
        plot.setDataset(1, samples);
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(Color.GRAY);

        JFreeChart chart = new JFreeChart(text.title(), TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        for (String note : text.notes()) {
            TextTitle subtitle = new TextTitle(note, NOTE_FONT);
            subtitle.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(subtitle);
        }
        return chart;
    }

    /** Class 0's colour at {@code low}, white half way, class 1's colour at {@code high}, lightened. */
    private record TwoClassScale(double low, double high) implements PaintScale {

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        @Override
        public Paint getPaint(double value) {
            double t = high > low ? (value - low) / (high - low) : 0.5;
            t = Double.isNaN(t) ? 0.5 : Math.max(0.0, Math.min(1.0, t));
            Color end = t < 0.5 ? Palette.colour(0) : Palette.colour(1);
            // Distance from the boundary, 0 to 1; kept light so that the samples stand out.
            double strength = Math.abs(t - 0.5) * 2 * 0.6;
            return new Color(mix(end.getRed(), strength), mix(end.getGreen(), strength), mix(end.getBlue(), strength));
        }

        private static int mix(int channel, double strength) {
            return (int) Math.round(255 + (channel - 255) * strength);
        }
    }
}
