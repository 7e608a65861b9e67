package org.controlroom.ui.mix;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

import org.controlroom.lesson.run.AttemptFinished;
import org.controlroom.lesson.run.Criterion;

import com.formdev.flatlaf.FlatClientProperties;
import org.controlroom.ui.text.Texts;

/**
 * The mix result: the score, each criterion with what was measured next to its target (the
 * criterion's own words, e.g. "bass −7.8 dB vs vocal, target −6.0 ± 1.5 dB", and its numbers), a
 * picture of the mix's 1/3-octave spectrum against the reference's, and the way back to the console to
 * keep working (a later submit is a new attempt).
 */
public final class MixResultPanel extends JPanel {
    private final SpectrumView picture = new SpectrumView(new Dimension(640, 260));

    public MixResultPanel(AttemptFinished result, String careerLine, Runnable lessons, Runnable console) {
        this(result, careerLine, lessons, console, Optional.empty(), Optional.empty());
    }

    /** With "try again" (a fresh attempt from the lesson's start) and "next lesson", as every result offers. */
    public MixResultPanel(AttemptFinished result, String careerLine, Runnable lessons, Runnable console,
                          Optional<Runnable> tryAgain, Optional<Runnable> nextLesson) {
        super(new BorderLayout(0, 12));
        setName("mixResult");
        setBorder(BorderFactory.createEmptyBorder(16, 24, 16, 24));
        JLabel score = new JLabel(Texts.get("mix.result.score", String.format(Locale.ROOT, "%.1f", result.score()),
                Texts.get(result.passed() ? "mix.result.passed" : "mix.result.not.passed")));
        score.setName("resultScore");
        score.putClientProperty(FlatClientProperties.STYLE_CLASS, "h1");
        JLabel career = new JLabel(careerLine);
        career.setName("resultCareer");
        JPanel head = new JPanel(new BorderLayout(0, 4));
        head.add(score, BorderLayout.NORTH);
        head.add(career, BorderLayout.SOUTH);
        add(head, BorderLayout.NORTH);

        JPanel criteria = new JPanel(new GridLayout(0, 1, 0, 8));
        criteria.setName("resultCriteria");
        Optional<Criterion> spectrum = Optional.empty();
        for (Criterion c : result.criteria()) {
            JLabel l = new JLabel(Texts.get("mix.result.criterion", escape(c.name()),
                    String.format(Locale.ROOT, "%.1f", c.score()), trim(c.weight()),
                    escape(c.detail()) + numbers(c.measured())));
            l.setName("criterion-" + c.name());
            criteria.add(l);
            if (c.name().equals("spectrum")) {
                spectrum = Optional.of(c);
            }
        }
        JPanel centre = new JPanel(new BorderLayout(16, 0));
        JScrollPane list = new JScrollPane(criteria);
        list.setBorder(BorderFactory.createEmptyBorder());
        centre.add(list, BorderLayout.CENTER);
        JPanel pic = new JPanel(new BorderLayout(0, 4));
        pic.setName("spectrumPicture");
        picture.setName("resultSpectrum");
        Optional<double[][]> series = spectrum.flatMap(MixResultPanel::series);
        if (series.isPresent()) {
            double[][] s = series.get();
            picture.showComparison(s[0], s[1], Texts.get("mix.result.spectrum.mix"), s[2],
                    Texts.get("mix.result.spectrum.reference"));
            pic.add(new JLabel(Texts.get("mix.result.spectrum.title")), BorderLayout.NORTH);
            pic.add(picture, BorderLayout.CENTER);
        } else {
            pic.add(new JLabel(Texts.get("mix.result.spectrum.none")), BorderLayout.NORTH);
        }
        centre.add(pic, BorderLayout.SOUTH);
        add(centre, BorderLayout.CENTER);

        JButton back = new JButton(Texts.get("mix.result.back.console"));
        back.setName("backToConsole");
        back.setToolTipText(Texts.get("mix.result.back.console.tip"));
        back.putClientProperty(FlatClientProperties.STYLE, "background: $Component.accentColor; foreground: #ffffff");
        back.addActionListener(e -> console.run());
        JButton toLessons = new JButton(Texts.get("mix.result.back.lessons"));
        toLessons.setName("backToLessons");
        toLessons.addActionListener(e -> lessons.run());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        buttons.add(back);
        tryAgain.ifPresent(r -> {
            JButton again = new JButton(Texts.get("mix.result.tryAgain"));
            again.setName("tryAgain");
            again.setToolTipText(Texts.get("mix.result.tryAgain.tip"));
            again.addActionListener(e -> r.run());
            buttons.add(again);
        });
        nextLesson.ifPresent(r -> {
            JButton next = new JButton(Texts.get("mix.result.nextLesson"));
            next.setName("nextLesson");
            next.addActionListener(e -> r.run());
            buttons.add(next);
        });
        buttons.add(toLessons);
        add(buttons, BorderLayout.SOUTH);
    }

    /** The spectrum criterion's lists as arrays: centres, mix, reference. */
    static Optional<double[][]> series(Criterion c) {
        Object hz = c.measured().get("bands_hz");
        Object mix = c.measured().get("mix_db");
        Object ref = c.measured().get("reference_db");
        if (!(hz instanceof List<?> h) || !(mix instanceof List<?> m) || !(ref instanceof List<?> r) || h.isEmpty()
                || h.size() != m.size() || h.size() != r.size()) {
            return Optional.empty();
        }
        return Optional.of(new double[][] {numbers(h), numbers(m), numbers(r)});
    }

    private static double[] numbers(List<?> l) {
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return out;
    }

    /** The measured numbers in a line (lists of bands left to the picture). */
    private static String numbers(Map<String, Object> measured) {
        List<String> parts = new ArrayList<>();
        measured.forEach((k, v) -> {
            if (v instanceof List<?>) {
                return;
            }
            if (v instanceof Map<?, ?> m) {
                List<String> inner = new ArrayList<>();
                m.forEach((a, b) -> inner.add(a + " " + value(b)));
                parts.add(k + ": " + String.join(", ", inner));
            } else {
                parts.add(k + " " + value(v));
            }
        });
        return parts.isEmpty() ? "" : "<br><span style='color:#9aa0a6'>" + escape(Texts.get("mix.result.measured",
                String.join("; ", parts))) + "</span>";
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.2f", d).replaceAll("0$", "") : "-inf";
        }
        return String.valueOf(v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The picture (for tests: what it shows). */
    public SpectrumView picture() {
        return picture;
    }
}
