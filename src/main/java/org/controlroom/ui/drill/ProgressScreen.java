package org.controlroom.ui.drill;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.controlroom.lesson.run.DrillProgress;
import org.controlroom.store.DrillTrial;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.GrayPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.controlroom.ui.text.Texts;

/**
 * The progress screen: per drill family the staircase's threshold after each attempt and the share of
 * answers right per attempt, a heat map of which bands were answered for which, and the career ladder
 * with what the next rank opens. Built from the learner's stored drill answers (replays left out).
 */
public final class ProgressScreen extends JPanel {

    /** The career ladder as the screen shows it. */
    public record Career(String learner, long xp, List<String> ranks, String next, List<String> nextOpens) {
    }

    public ProgressScreen(List<DrillTrial> trials, Career career) {
        super(new BorderLayout(0, 10));
        setName("progressScreen");
        setBorder(BorderFactory.createEmptyBorder(16, 20, 16, 20));
        DrillProgress progress = DrillProgress.of(trials);
        JLabel title = new JLabel(Texts.get("drill.progress.title") + " \u2014 " + career.learner() + ", "
                + career.xp() + " XP");
        title.putClientProperty(com.formdev.flatlaf.FlatClientProperties.STYLE_CLASS, "h2");
        add(title, BorderLayout.NORTH);
        if (trials.isEmpty()) {
            JLabel none = new JLabel(Texts.get("drill.progress.none"));
            none.setName("progressNone");
            add(none, BorderLayout.CENTER);
        } else {
            JPanel charts = new JPanel(new GridLayout(2, 2, 10, 10));
            charts.add(thresholds(progress));
            charts.add(scores(trials));
            charts.add(confusion(progress));
            charts.add(ladder(progress, career));
            add(charts, BorderLayout.CENTER);
        }
        setPreferredSize(new Dimension(1100, 720));
    }

    private static ChartPanel panel(String name, JFreeChart chart) {
        ChartStyle.dark(chart);
        ChartPanel p = new ChartPanel(chart, false, false, false, false, false);
        p.setName(name);
        return p;
    }

    private static XYPlot plot(XYSeriesCollection data, String x, String y) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, new NumberAxis(x), new NumberAxis(y), r);
        plot.setBackgroundPaint(new Color(0x24272b));
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return plot;
    }

    /**
     * The screen's three drill charts (thresholds, scores, confusion) unstyled, for a printable report
     * (the tutor's gradebook report draws them on paper colours).
     */
    public static List<JFreeChart> charts(List<DrillTrial> trials) {
        DrillProgress progress = DrillProgress.of(trials);
        return List.of(thresholdsChart(progress), scoresChart(trials), confusionChart(progress));
    }

    private static ChartPanel thresholds(DrillProgress progress) {
        return panel("progressThresholds", thresholdsChart(progress));
    }

    private static JFreeChart thresholdsChart(DrillProgress progress) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (DrillProgress.FamilyProgress f : progress.families()) {
            XYSeries s = new XYSeries(f.family().id() + " (" + f.family().ladder().unit() + ")", false, true);
            int n = 1;
            for (DrillProgress.Point pt : f.overTime()) {
                s.add(n++, pt.threshold().orElse(pt.level()));
            }
            data.addSeries(s);
        }
        JFreeChart chart = new JFreeChart(Texts.get("drill.progress.thresholds"), JFreeChart.DEFAULT_TITLE_FONT,
                plot(data, "attempt", "level"), true);
        for (DrillProgress.FamilyProgress f : progress.families()) {
            f.saying().ifPresent(s -> chart.addSubtitle(new TextTitle(s)));
        }
        return chart;
    }

    private static ChartPanel scores(List<DrillTrial> trials) {
        return panel("progressScores", scoresChart(trials));
    }

    private static JFreeChart scoresChart(List<DrillTrial> trials) {
        Map<String, Map<Long, int[]>> byFamily = new LinkedHashMap<>();
        for (DrillTrial t : trials) {
            int[] c = byFamily.computeIfAbsent(t.exercise(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(t.attemptId(), k -> new int[2]);
            c[0]++;
            c[1] += t.correct() ? 1 : 0;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        byFamily.forEach((family, attempts) -> {
            XYSeries s = new XYSeries(family, false, true);
            int n = 1;
            for (int[] c : attempts.values()) {
                s.add(n++, 100.0 * c[1] / c[0]);
            }
            data.addSeries(s);
        });
        XYPlot plot = plot(data, "attempt", "% right");
        plot.getRangeAxis().setRange(0, 100);
        return new JFreeChart(Texts.get("drill.progress.scores"), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static ChartPanel confusion(DrillProgress progress) {
        return panel("progressConfusion", confusionChart(progress));
    }

    private static JFreeChart confusionChart(DrillProgress progress) {
        DrillProgress.Confusion c = progress.confusion().getOrDefault("eq-frequency",
                progress.confusion().values().stream().findFirst().orElse(null));
        DefaultXYZDataset data = new DefaultXYZDataset();
        List<String> labels = new ArrayList<>();
        if (c != null) {
            int n = c.values().size();
            double[] xs = new double[n * n];
            double[] ys = new double[n * n];
            double[] zs = new double[n * n];
            for (int truth = 0; truth < n; truth++) {
                int all = 0;
                for (int v : c.counts()[truth]) {
                    all += v;
                }
                for (int answer = 0; answer < n; answer++) {
                    int i = truth * n + answer;
                    xs[i] = answer;
                    ys[i] = truth;
                    zs[i] = all == 0 ? 0 : (double) c.counts()[truth][answer] / all;
                }
            }
            data.addSeries("share", new double[][] {xs, ys, zs});
            for (double v : c.values()) {
                labels.add(c.exercise().equals("eq-frequency") ? (v >= 1000 ? trim(v / 1000) + "k" : trim(v)) : trim(v));
            }
        }
        SymbolAxis x = new SymbolAxis("answered", labels.toArray(String[]::new));
        SymbolAxis y = new SymbolAxis("it was", labels.toArray(String[]::new));
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(new GrayPaintScale(0, 1));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.BLACK);
        return new JFreeChart(Texts.get("drill.progress.confusion"), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    private static JPanel ladder(DrillProgress progress, Career career) {
        JPanel p = new JPanel(new BorderLayout(0, 6));
        p.setName("progressCareer");
        JLabel head = new JLabel(Texts.get("drill.progress.career"));
        head.putClientProperty(com.formdev.flatlaf.FlatClientProperties.STYLE_CLASS, "h3");
        p.add(head, BorderLayout.NORTH);
        StringBuilder html = new StringBuilder("<html>");
        for (String r : career.ranks()) {
            html.append(escape(r)).append("<br>");
        }
        if (career.next() != null) {
            html.append("<br><b>").append(escape(career.next())).append("</b><br>");
            for (String l : career.nextOpens()) {
                html.append("\u2022 ").append(escape(l)).append("<br>");
            }
        }
        html.append("<br>");
        for (DrillProgress.FamilyProgress f : progress.families()) {
            html.append(escape(f.family().id())).append(": ").append(escape(f.saying().orElse(String.format(Locale.ROOT,
                    "no threshold yet (%d of 6 reversals)", f.reversals())))).append("<br>");
        }
        JLabel body = new JLabel(html.append("</html>").toString());
        body.setVerticalAlignment(JLabel.TOP);
        p.add(new javax.swing.JScrollPane(body), BorderLayout.CENTER);
        return p;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
