package org.controlroom.ui.mix;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.InputEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.JComponent;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;

import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.ParametricEq;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.ui.text.Texts;

/**
 * The EQ of one channel as a curve: the response of its bands (the RBJ cookbook magnitude the dsp EQ
 * computes), a node per band. Drag a node for frequency and gain; the wheel, or Ctrl/Alt-drag up and
 * down, changes its Q (the slope for shelves); right-click for its type (bell, low/high shelf,
 * high/low pass) or to switch it off. A band that is off is a hollow node; dragging it switches it on.
 * Behind the curve, the live spectrum of what is heard.
 */
public final class EqCurve extends JComponent {
    public static final double MIN_HZ = 20;
    public static final double MAX_HZ = 20000;
    public static final double RANGE_DB = 18;
    private static final int NODE = 7;
    private static final int POINTS = 240;
    private static final Color[] COLOURS = {new Color(0xe06666), new Color(0xf6b26b), new Color(0x93c47d),
            new Color(0x6fa8dc)};
    static final FilterType[] TYPES = {FilterType.PEAK, FilterType.LOW_SHELF, FilterType.HIGH_SHELF,
            FilterType.HIGH_PASS, FilterType.LOW_PASS};

    /** Hears a band changed by the learner. */
    public interface BandListener {
        void bandChanged(int index, EqBand band);
    }

    private final BandListener listener;
    private final double sampleRate;
    private List<EqBand> bands = List.of();
    private double[] curve = new double[0];
    private List<SpectrumBand> spectrum = List.of();
    private int dragging = -1;
    private int startY;
    private double startQ;

    private Gesture gesture = Gesture.NONE;

    /** Hears the learner press and release (a drag is one undo step). */
    public void setGesture(Gesture g) {
        gesture = g;
    }

    public EqCurve(double sampleRate, BandListener listener) {
        this.sampleRate = sampleRate;
        this.listener = listener;
        setPreferredSize(new Dimension(520, 170));
        setToolTipText(Texts.get("mix.eq.tip"));
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                gesture.begin();
                dragging = nodeAt(e.getX(), e.getY());
                if (dragging >= 0) {
                    startY = e.getY();
                    startQ = bands.get(dragging).q();
                    if (e.isPopupTrigger()) {
                        menu(dragging, e);
                        dragging = -1;
                    }
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                gesture.end();
                int i = nodeAt(e.getX(), e.getY());
                if (e.isPopupTrigger() && i >= 0) {
                    menu(i, e);
                }
                dragging = -1;
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (dragging < 0) {
                    return;
                }
                EqBand b = bands.get(dragging);
                if ((e.getModifiersEx() & (InputEvent.CTRL_DOWN_MASK | InputEvent.ALT_DOWN_MASK)) != 0) {
                    change(dragging, b.withQ(clampQ(startQ * Math.pow(2, (startY - e.getY()) / 40.0))));
                    return;
                }
                double hz = clampHz(hzAt(e.getX()));
                EqBand n = b.withFrequency(round(hz)).withEnabled(true);
                if (b.type().usesGain()) {
                    n = n.withGain(Math.round(Math.max(-RANGE_DB, Math.min(RANGE_DB, dbAt(e.getY()))) * 10) / 10.0);
                }
                change(dragging, n);
            }

            @Override
            public void mouseWheelMoved(MouseWheelEvent e) {
                int i = nodeAt(e.getX(), e.getY());
                if (i >= 0) {
                    EqBand b = bands.get(i);
                    change(i, b.withQ(clampQ(b.q() * Math.pow(1.12, -e.getWheelRotation()))));
                }
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
    }

    private static double round(double hz) {
        double step = hz < 100 ? 1 : hz < 1000 ? 5 : hz < 10000 ? 10 : 50;
        return Math.round(hz / step) * step;
    }

    private static double clampHz(double hz) {
        return Math.max(MIN_HZ, Math.min(MAX_HZ, hz));
    }

    private static double clampQ(double q) {
        return Math.round(Math.max(0.1, Math.min(18, q)) * 100) / 100.0;
    }

    private void change(int index, EqBand band) {
        if (!band.equals(bands.get(index))) {
            listener.bandChanged(index, band);
        }
    }

    private void menu(int index, MouseEvent e) {
        JPopupMenu m = new JPopupMenu();
        for (FilterType t : TYPES) {
            JMenuItem item = new JMenuItem(typeName(t));
            item.addActionListener(a -> change(index, bands.get(index).withType(t).withEnabled(true)));
            m.add(item);
        }
        m.addSeparator();
        JMenuItem off = new JMenuItem(Texts.get(bands.get(index).enabled() ? "mix.eq.off" : "mix.eq.on"));
        off.addActionListener(a -> change(index, bands.get(index).withEnabled(!bands.get(index).enabled())));
        m.add(off);
        m.show(this, e.getX(), e.getY());
    }

    /** A type's name on the console ("Bell", "Low shelf" ...). */
    public static String typeName(FilterType t) {
        return Texts.get("mix.eq.type." + t.cliName());
    }

    /** Shows the channel's bands; the curve is recomputed only when they change. */
    public void setBands(List<EqBand> now) {
        if (now.equals(bands)) {
            return;
        }
        bands = List.copyOf(now);
        ParametricEq eq = new ParametricEq(bands);
        double[] c = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            c[i] = eq.magnitudeDb(hzAtFraction(i / (double) (POINTS - 1)), sampleRate);
        }
        curve = c;
        repaint();
    }

    public List<EqBand> bands() {
        return bands;
    }

    /** The curve's response at a frequency as drawn (for tests: what the learner sees). */
    public double responseDb(double hz) {
        return new ParametricEq(bands).magnitudeDb(hz, sampleRate);
    }

    /** The live spectrum behind the curve (the timer hands in the meter thread's latest). */
    public void setSpectrum(List<SpectrumBand> s) {
        if (s != spectrum) {
            spectrum = s;
            repaint();
        }
    }

    private static double hzAtFraction(double t) {
        return MIN_HZ * Math.pow(MAX_HZ / MIN_HZ, t);
    }

    private int left() {
        return 30;
    }

    private int plotWidth() {
        return Math.max(1, getWidth() - left() - 8);
    }

    private int plotHeight() {
        return Math.max(1, getHeight() - 20);
    }

    /** The x of a frequency. */
    public int xOf(double hz) {
        return left() + (int) Math.round(Math.log(hz / MIN_HZ) / Math.log(MAX_HZ / MIN_HZ) * plotWidth());
    }

    /** The y of a gain. */
    public int yOf(double db) {
        return 6 + (int) Math.round((RANGE_DB - db) / (2 * RANGE_DB) * plotHeight());
    }

    double hzAt(int x) {
        return hzAtFraction((x - left()) / (double) plotWidth());
    }

    double dbAt(int y) {
        return RANGE_DB - (y - 6) / (double) plotHeight() * 2 * RANGE_DB;
    }

    /** Where band {@code i}'s node is drawn (on the curve's 0 dB line for the passes). */
    public java.awt.Point nodePoint(int i) {
        EqBand b = bands.get(i);
        return new java.awt.Point(xOf(b.frequencyHz()), yOf(b.type().usesGain() ? b.gainDb() : 0));
    }

    private int nodeAt(int x, int y) {
        int best = -1;
        double bestD = 12;
        for (int i = 0; i < bands.size(); i++) {
            java.awt.Point p = nodePoint(i);
            double d = p.distance(x, y);
            if (d <= bestD) {
                best = i;
                bestD = d;
            }
        }
        return best;
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int w = getWidth();
        int h = getHeight();
        g.setColor(new Color(0x1b1e21));
        g.fillRect(0, 0, w, h);
        g.setFont(getFont().deriveFont(Font.PLAIN, 9f));
        // the live spectrum: bars from the bottom, −100 … −10 dB over the lower two thirds (a backdrop)
        if (!spectrum.isEmpty()) {
            g.setColor(new Color(0x2f4a5f));
            for (SpectrumBand s : spectrum) {
                if (!Double.isFinite(s.db()) || s.centreHz() < MIN_HZ || s.centreHz() > MAX_HZ) {
                    continue;
                }
                int x0 = xOf(s.centreHz() * Math.pow(2, -1 / 6.0));
                int x1 = xOf(Math.min(MAX_HZ, s.centreHz() * Math.pow(2, 1 / 6.0)));
                double t = Math.max(0, Math.min(1, (s.db() + 100) / 90)) * 2 / 3;
                int top = 6 + (int) Math.round((1 - t) * plotHeight());
                g.fillRect(x0 + 1, top, Math.max(1, x1 - x0 - 2), 6 + plotHeight() - top);
            }
        }
        g.setColor(new Color(0x33383d));
        for (double hz : new double[] {50, 100, 200, 500, 1000, 2000, 5000, 10000}) {
            int x = xOf(hz);
            g.drawLine(x, 6, x, 6 + plotHeight());
            g.setColor(new Color(0x7a8088));
            String t = hz >= 1000 ? (int) (hz / 1000) + "k" : Integer.toString((int) hz);
            g.drawString(t, x - g.getFontMetrics().stringWidth(t) / 2, h - 4);
            g.setColor(new Color(0x33383d));
        }
        for (int db = -18; db <= 18; db += 6) {
            int y = yOf(db);
            g.setColor(db == 0 ? new Color(0x5a6066) : new Color(0x33383d));
            g.drawLine(left(), y, left() + plotWidth(), y);
            g.setColor(new Color(0x7a8088));
            String t = db > 0 ? "+" + db : Integer.toString(db);
            g.drawString(t, left() - 4 - g.getFontMetrics().stringWidth(t), y + 3);
        }
        if (curve.length > 0) {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < curve.length; i++) {
                double x = left() + i / (double) (curve.length - 1) * plotWidth();
                double y = yOf(Math.max(-RANGE_DB - 6, Math.min(RANGE_DB + 6, curve[i])));
                if (i == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            g.setColor(new Color(0xe0e4e8));
            g.setStroke(new BasicStroke(2f));
            g.draw(path);
        }
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 0; i < bands.size(); i++) {
            java.awt.Point p = nodePoint(i);
            g.setColor(COLOURS[i % COLOURS.length]);
            if (bands.get(i).enabled()) {
                g.fillOval(p.x - NODE, p.y - NODE, 2 * NODE, 2 * NODE);
            } else {
                g.drawOval(p.x - NODE, p.y - NODE, 2 * NODE, 2 * NODE);
            }
            g.setColor(new Color(0x1b1e21));
            g.drawString(Integer.toString(i + 1), p.x - 3, p.y + 4);
        }
        g.dispose();
    }

    /** "120 Hz +3.0 dB Q 1.40" for a band. */
    public static String describe(EqBand b) {
        String hz = b.frequencyHz() >= 1000 ? String.format(Locale.ROOT, "%.2f kHz", b.frequencyHz() / 1000)
                : String.format(Locale.ROOT, "%.0f Hz", b.frequencyHz());
        String gain = b.type().usesGain() ? String.format(Locale.ROOT, " %+.1f dB", b.gainDb()) : "";
        return hz + gain + String.format(Locale.ROOT, " %s %.2f", b.type().isShelf() ? "S" : "Q", b.q());
    }

    /** Names of the shapes the console offers, for a list. */
    public static List<String> typeNames() {
        List<String> out = new ArrayList<>();
        for (FilterType t : TYPES) {
            out.add(typeName(t));
        }
        return out;
    }
}
