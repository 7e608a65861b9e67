package org.controlroom.ui.tutor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.controlroom.lesson.tutor.GradeCell;
import org.controlroom.lesson.tutor.ReportCharts;
import org.controlroom.store.DrillTrial;
import org.controlroom.ui.drill.ProgressScreen;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts with JFreeChart, on paper colours: each assignment's scores attempt by attempt
 * (one line per lesson, the pass mark drawn across), then the progress screen's drill charts.
 */
public final class JFreeReportCharts implements ReportCharts {

    static final int WIDTH = 720;
    static final int HEIGHT = 320;

    @Override
    public List<Picture> charts(List<GradeCell> cells, List<DrillTrial> drillTrials) {
        List<Picture> out = new ArrayList<>();
        for (GradeCell c : cells) {
            Map<String, XYSeries> byLesson = new LinkedHashMap<>();
            int n = 0;
            for (GradeCell.AttemptLine a : c.history()) {
                if (!a.counted() || a.attempt().score().isEmpty()) {
                    continue;
                }
                n++;
                byLesson.computeIfAbsent(a.attempt().lessonId(), id -> new XYSeries(id, false, true))
                        .add(n, a.attempt().score().get());
            }
            if (n == 0) {
                continue;
            }
            XYSeriesCollection data = new XYSeriesCollection();
            byLesson.values().forEach(data::addSeries);
            NumberAxis x = new NumberAxis("attempt");
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            x.setAutoRangeIncludesZero(false);
            x.setLowerMargin(0.1);
            x.setUpperMargin(0.1);
            NumberAxis y = new NumberAxis("score");
            y.setRange(0, 100);
            XYPlot plot = new XYPlot(data, x, y, new XYLineAndShapeRenderer(true, true));
            if (c.assignment().passMark().isPresent()) {
                ValueMarker pass = new ValueMarker(c.assignment().passMark().getAsDouble(), new Color(0x2a8a3a),
                        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
                pass.setLabel("pass mark");
                pass.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                pass.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
                plot.addRangeMarker(pass);
            }
            String title = "Assignment #" + c.assignment().id() + " \u2014 scores, attempt by attempt";
            out.add(new Picture(title, png(paper(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true)))));
        }
        if (!drillTrials.isEmpty()) {
            for (JFreeChart chart : ProgressScreen.charts(drillTrials)) {
                String title = chart.getTitle() == null ? "Drill progress" : "Drills \u2014 " + chart.getTitle().getText();
                out.add(new Picture(title, png(paper(chart))));
            }
        }
        return out;
    }

    private static JFreeChart paper(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot p && !(p.getRenderer() instanceof org.jfree.chart.renderer.xy.XYBlockRenderer)) {
            p.setBackgroundPaint(new Color(0xf6f6f6));
            p.setDomainGridlinePaint(new Color(0xc0c0c0));
            p.setRangeGridlinePaint(new Color(0xc0c0c0));
        }
        return chart;
    }

    private static byte[] png(JFreeChart chart) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
