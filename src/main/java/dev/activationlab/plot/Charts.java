package dev.activationlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds line charts (JFreeChart) from arrays: white background, light grid on the major ticks,
 * zero lines, a legend under the plot, and a wrapped title with optional notes below it.
 */
public final class Charts {

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color ZERO_LINE = new Color(0x888888);
    private static final Stroke SOLID = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            1.0f, new float[] {7.0f, 4.0f}, 0.0f);
    /** Lines with at most this many points also mark each point, so that single layers stay visible. */
    private static final int MAX_POINTS_WITH_MARKERS = 60;

    /**
     * The widest range of data one axis can show. The axis adds margins and steps through ticks
     * in double arithmetic, so a span near {@link Double#MAX_VALUE} would overflow to infinity.
     */
    public static final double MAX_SPAN = Double.MAX_VALUE / 4;

    static {
        // JFreeChart draws rotated text (the vertical axis label) as glyph outlines unless told
        // otherwise; with this off it is a rotated <text> element in SVG, readable and searchable.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private Charts() {
    }

    /** max − min of the non-NaN values (0 if there are none); may be infinite. */
    public static double span(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max >= min ? max - min : 0.0;
    }

    /** max − min over the y values of all lines, as the vertical axis must show them; may be infinite. */
    public static double ySpan(List<Line> lines) {
        double[] extremes = new double[2 * lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            double[] y = lines.get(i).y();
            double min = Double.NaN;
            double max = Double.NaN;
            for (double v : y) {
                if (!Double.isNaN(v)) {
                    min = Double.isNaN(min) ? v : Math.min(min, v);
                    max = Double.isNaN(max) ? v : Math.max(max, v);
                }
            }
            extremes[2 * i] = min;
            extremes[2 * i + 1] = max;
        }
        return span(extremes);
    }

    /**
     * Curves on linear axes, e.g. f and f′ of activations over an x range.
     *
     * @param lines at least one, labels unique, finite values spanning at most {@link #MAX_SPAN} on each axis
     * @throws IllegalArgumentException if {@code lines} is empty, two labels are equal, or the data
     *                                  is infinite or too wide to draw
     */
    public static JFreeChart lineChart(ChartText text, List<Line> lines) {
        NumberAxis yAxis = new NumberAxis(text.yLabel());
        yAxis.setAutoRangeIncludesZero(false);
        return chart(text, lines, yAxis, false);
    }

    /**
     * Magnitudes that span hundreds of decades, given as their decimal logarithms: the vertical
     * axis is linear in log10 and labelled with powers of ten ({@code 10⁻¹²}), so it reads as a
     * logarithmic axis and values far below the smallest double (0.25^1000 ≈ 10⁻⁶⁰²) still plot.
     * The horizontal axis counts whole units (layers).
     *
     * @param lines at least one, labels unique; y holds log10 of each magnitude, NaN where it is exactly 0
     * @throws IllegalArgumentException if {@code lines} is empty, two labels are equal, or the data
     *                                  is infinite or too wide to draw
     */
    public static JFreeChart log10Chart(ChartText text, List<Line> lines) {
        NumberAxis yAxis = new NumberAxis(text.yLabel());
        yAxis.setAutoRangeIncludesZero(false);
        yAxis.setStandardTickUnits(new NumberTickUnitSource(true, new PowerOfTenFormat()));
        // At least two decades, so that a flat line (|g| = 1 at every layer) still gets labelled ticks.
        yAxis.setAutoRangeMinimumSize(2.0);
        JFreeChart chart = chart(text, lines, yAxis, true);
        NumberAxis xAxis = (NumberAxis) chart.getXYPlot().getDomainAxis();
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // Units are counted from 1, so x = 0 marks nothing; y = 0 is 10⁰, where |g| neither shrinks nor grows.
        chart.getXYPlot().setDomainZeroBaselineVisible(false);
        return chart;
    }

    private static JFreeChart chart(ChartText text, List<Line> lines, NumberAxis yAxis, boolean markSmallLines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one line");
        }
        for (Line line : lines) {
            for (int i = 0; i < line.x().length; i++) {
                if (!Double.isFinite(line.x()[i]) || Double.isInfinite(line.y()[i])) {
                    throw new IllegalArgumentException("line '" + line.label() + "' has a non-finite point at index " + i);
                }
            }
            if (!(span(line.x()) <= MAX_SPAN)) {
                throw new IllegalArgumentException("line '" + line.label() + "' spans more than " + MAX_SPAN + " in x");
            }
        }
        if (!(ySpan(lines) <= MAX_SPAN)) {
            throw new IllegalArgumentException("the lines span more than " + MAX_SPAN + " in y");
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // One path per line rather than one element per segment: far smaller SVG, unbroken dashes.
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setLegendLine(new Line2D.Double(-14.0, 0.0, 14.0, 0.0));
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!labels.add(line.label())) {
                throw new IllegalArgumentException("two lines are labelled '" + line.label() + "'");
            }
            dataset.addSeries(series(line));
            renderer.setSeriesPaint(i, Palette.colour(line.colour()));
            renderer.setSeriesStroke(i, line.dashed() ? DASHED : SOLID);
            boolean markers = markSmallLines && line.x().length <= MAX_POINTS_WITH_MARKERS;
            renderer.setSeriesShapesVisible(i, markers);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3.0, -3.0, 6.0, 6.0));
        }

        NumberAxis xAxis = new NumberAxis(text.xLabel());
        xAxis.setAutoRangeIncludesZero(false);
        for (NumberAxis axis : List.of(xAxis, yAxis)) {
            // Keep the usual margin at 0 too: a line along 0 (relu′ for x < 0) must not hide under the frame.
            axis.setAutoRangeStickyZero(false);
            axis.setLabelFont(LABEL_FONT);
            axis.setTickLabelFont(TICK_FONT);
        }

        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1.0f));
        plot.setRangeGridlineStroke(new BasicStroke(1.0f));
        plot.setDomainZeroBaselineVisible(true);
        plot.setRangeZeroBaselineVisible(true);
        plot.setDomainZeroBaselinePaint(ZERO_LINE);
        plot.setRangeZeroBaselinePaint(ZERO_LINE);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        JFreeChart chart = new JFreeChart(text.title(), TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        for (String note : text.notes()) {
            TextTitle subtitle = new TextTitle(note, NOTE_FONT);
            subtitle.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(subtitle);
        }
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LABEL_FONT);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    private static XYSeries series(Line line) {
        XYSeries series = new XYSeries(line.label(), false, true);
        double[] x = line.x();
        double[] y = line.y();
        for (int i = 0; i < x.length; i++) {
            // A missing y (null) breaks the line there.
            series.add(x[i], Double.isNaN(y[i]) ? null : y[i], false);
        }
        return series;
    }
}
