package org.controlroom.ui.drill;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.lesson.run.DrillQuestion;
import org.controlroom.lesson.run.EqMatch;
import org.controlroom.lesson.run.Response;
import org.controlroom.ui.mix.EqCurve;
import org.controlroom.ui.text.Texts;

import com.formdev.flatlaf.FlatClientProperties;

/**
 * An eq-match question's dials: the mix console's EQ curve with one bell per hidden band (drag a node for
 * frequency and gain, the wheel over it for Q), each band's values in words, and Submit. Every change is
 * handed on (the drill screen renders B through the bands off the event thread and swaps it in while it
 * plays).
 */
final class MatchPanel extends JPanel {

    private final EqCurve curve;
    private final JLabel how = new JLabel();
    private final JPanel values = new JPanel(new GridLayout(1, 0, 12, 0));
    private final List<JLabel> valueLabels = new ArrayList<>();
    private final JButton submit = new JButton(Texts.get("match.submit"));
    private final Consumer<List<Response.Band>> changed;
    private List<Response.Band> bands = List.of();
    private boolean locked;

    MatchPanel(Consumer<List<Response.Band>> changed, Runnable submitted) {
        super(new BorderLayout(0, 6));
        this.changed = changed;
        setName("matchPanel");
        curve = new EqCurve(EqPicture.RATE, this::bandChanged);
        curve.setName("matchCurve");
        curve.setPreferredSize(new java.awt.Dimension(800, 230));
        how.setName("matchHow");
        submit.setName("matchSubmit");
        submit.setToolTipText(Texts.get("match.submit.tip"));
        submit.setFocusable(false);
        submit.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_ROUND_RECT);
        submit.addActionListener(e -> submitted.run());
        add(how, BorderLayout.NORTH);
        add(curve, BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout(12, 0));
        values.setName("matchValues");
        south.add(values, BorderLayout.CENTER);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
        right.add(submit);
        south.add(right, BorderLayout.EAST);
        add(south, BorderLayout.SOUTH);
    }

    /** A new question: flat bells spread over the audible range, as many as it hides. */
    void start(DrillQuestion q) {
        locked = false;
        submit.setEnabled(true);
        how.setText("<html>" + Texts.get(q.undo() ? "match.how.undo" : "match.how.copy") + "</html>");
        bands = EqMatch.start(q.hidden().size(), 100, 8000);
        values.removeAll();
        valueLabels.clear();
        for (int i = 0; i < bands.size(); i++) {
            JLabel l = new JLabel();
            l.setName("matchBand" + (i + 1));
            valueLabels.add(l);
            values.add(l);
        }
        show(bands);
        values.revalidate();
    }

    /** After Submit: the dials stay as they were, no longer moving. */
    void lock() {
        locked = true;
        submit.setEnabled(false);
    }

    /** The answer was not saved: the dials move again. */
    void unlock() {
        locked = false;
        submit.setEnabled(true);
    }

    List<Response.Band> bands() {
        return bands;
    }

    EqCurve curve() {
        return curve;
    }

    private void bandChanged(int index, EqBand band) {
        if (locked || index < 0 || index >= bands.size()) {
            return;
        }
        List<Response.Band> now = new ArrayList<>(bands);
        // the dials are bells: a shape chosen from the curve's menu is not taken
        double gain = Math.max(-EqMatch.MAX_GAIN_DB, Math.min(EqMatch.MAX_GAIN_DB, band.gainDb()));
        double q = Math.max(EqMatch.MIN_Q, Math.min(EqMatch.MAX_Q, band.q()));
        double hz = Math.max(EqMatch.MIN_HZ, Math.min(EqMatch.MAX_HZ, band.frequencyHz()));
        now.set(index, new Response.Band(hz, band.type() == FilterType.PEAK ? gain : bands.get(index).gainDb(), q));
        bands = List.copyOf(now);
        show(bands);
        changed.accept(bands);
    }

    private void show(List<Response.Band> b) {
        curve.setBands(EqMatch.eq(b));
        for (int i = 0; i < b.size() && i < valueLabels.size(); i++) {
            Response.Band x = b.get(i);
            String hz = x.hz() >= 1000 ? String.format(java.util.Locale.ROOT, "%.2f kHz", x.hz() / 1000)
                    : String.format(java.util.Locale.ROOT, "%.0f Hz", x.hz());
            valueLabels.get(i).setText(Texts.get("match.band", i + 1, hz,
                    String.format(java.util.Locale.ROOT, "%+.1f", x.gainDb()),
                    String.format(java.util.Locale.ROOT, "%.2f", x.q())));
        }
    }
}
