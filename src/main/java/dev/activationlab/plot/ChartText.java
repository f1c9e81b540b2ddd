package dev.activationlab.plot;

import java.util.List;

/**
 * The words on a chart.
 *
 * @param title  names what is plotted, with parameters (wrapped to the chart's width)
 * @param notes  subtitles under the title, e.g. how to read dashed lines; may be empty
 * @param xLabel the horizontal axis label
 * @param yLabel the vertical axis label
 */
public record ChartText(String title, List<String> notes, String xLabel, String yLabel) {

    public ChartText {
        notes = List.copyOf(notes);
    }
}
