package org.controlroom.ui.drill;

import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

/** Light text on the dark FlatLaf window for the drill screens' charts. */
final class ChartStyle {

    static final Color TEXT = new Color(0xc8ccd0);

    private ChartStyle() {
    }

    static JFreeChart dark(JFreeChart chart) {
        chart.setBackgroundPaint(null);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(TEXT);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                t.setPaint(TEXT);
            } else if (chart.getSubtitle(i) instanceof LegendTitle l) {
                l.setItemPaint(TEXT);
                l.setBackgroundPaint(null);
            }
        }
        if (chart.getPlot() instanceof XYPlot p) {
            for (Axis a : new Axis[] {p.getDomainAxis(), p.getRangeAxis()}) {
                a.setLabelPaint(TEXT);
                a.setTickLabelPaint(TEXT);
            }
        }
        return chart;
    }
}
