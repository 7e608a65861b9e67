package org.controlroom.ui.drill;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

import org.controlroom.dsp.BiquadCoefficients;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.ParametricEq;
import org.controlroom.dsp.meter.SpectrumBand;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.controlroom.ui.text.Texts;

/**
 * After an answer: the truth and the learner's answer as EQ curves on one logarithmic frequency axis,
 * over the excerpt's third-octave spectrum (A, shifted to sit around 0 dB so the curves read against it).
 */
final class EqPicture {

    static final double RATE = 48000;

    private EqPicture() {
    }

    private static List<EqBand> concat(List<EqBand> a, List<EqBand> b) {
        List<EqBand> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The magnitude response of a bell band, sampled 48 times an octave from 20 Hz to 20 kHz. */
    static XYSeries curve(String name, double hz, double gainDb, double q) {
        XYSeries s = new XYSeries(name, false, false);
        BiquadCoefficients c = BiquadCoefficients.peak(RATE, hz, gainDb, q);
        for (double f = 20; f <= 20000; f *= Math.pow(2, 1 / 48.0)) {
            s.add(f, c.magnitudeDb(f, RATE));
        }
        return s;
    }

    /** The magnitude response of an EQ (any bands, any shapes), sampled 48 times an octave from 20 Hz to 20 kHz. */
    static XYSeries curve(String name, List<EqBand> bands) {
        XYSeries s = new XYSeries(name, false, false);
        ParametricEq eq = new ParametricEq(bands);
        for (double f = 20; f <= 20000; f *= Math.pow(2, 1 / 48.0)) {
            s.add(f, Math.max(-60, eq.magnitudeDb(f, RATE)));
        }
        return s;
    }

    static ChartPanel chart(double truthHz, double truthGainDb, double answerHz, double answerGainDb, double q,
                            List<SpectrumBand> spectrum) {
        return chart(List.of(EqBand.of(FilterType.PEAK, truthHz, truthGainDb, q)),
                List.of(EqBand.of(FilterType.PEAK, answerHz, answerGainDb, q)), spectrum,
                Texts.get("drill.picture.truth"), Texts.get("drill.picture.answer"));
    }

    /**
     * The truth's and the answer's EQ (several bands, shelves, high- and low-pass) on one frequency axis; the
     * dB axis spans the largest gain (24 dB each way when a pass filter is drawn).
     */
    static ChartPanel chart(List<EqBand> truth, List<EqBand> answer, List<SpectrumBand> spectrum, String truthName,
                            String answerName) {
        double gainDb = 0;
        for (EqBand b : concat(truth, answer)) {
            gainDb = Math.max(gainDb, b.type().usesGain() ? Math.abs(b.gainDb()) : 21);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(curve(truthName, truth));
        data.addSeries(curve(answerName, answer));
        if (!spectrum.isEmpty()) {
            double mean = spectrum.stream().filter(b -> Double.isFinite(b.db())).mapToDouble(SpectrumBand::db)
                    .average().orElse(0);
            XYSeries sp = new XYSeries(Texts.get("drill.picture.spectrum"), false, false);
            for (SpectrumBand b : spectrum) {
                if (Double.isFinite(b.db()) && b.centreHz() >= 20 && b.centreHz() <= 20000) {
                    sp.add(b.centreHz(), b.db() - mean);
                }
            }
            data.addSeries(sp);
        }
        LogarithmicAxis x = new LogarithmicAxis(Texts.get("drill.picture.hz"));
        x.setStrictValuesFlag(false);
        x.setRange(20, 20000);
        NumberAxis y = new NumberAxis("dB");
        double span = Math.max(6, Math.abs(gainDb) + 3);
        y.setRange(-span, span);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x6cc070));
        r.setSeriesStroke(0, new BasicStroke(3f));
        r.setSeriesPaint(1, new Color(0xe0a050));
        r.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f));
        r.setSeriesPaint(2, new Color(0x8090a0));
        r.setSeriesStroke(2, new BasicStroke(1f));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(new Color(0x24272b));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.dark(chart);
        ChartPanel panel = new ChartPanel(chart, false, false, false, false, false);
        panel.setName("eqPicture");
        panel.putClientProperty("eqPicture.series", data);
        panel.setPreferredSize(new java.awt.Dimension(640, 220));
        return panel;
    }
}
