package org.controlroom.ui.arrange;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

import javax.swing.JComponent;

import org.controlroom.lesson.script.ArrangeTarget;
import org.controlroom.lesson.session.ArrangeSession;
import org.controlroom.ui.text.Texts;

/**
 * The arrangement as blocks on a timeline: a ruler in bars and seconds (a click plays from there),
 * one block per placed section (click selects, drag reorders), and under them the short-term loudness
 * curve of the last render. Paints the session as it is; the panel tells it what is selected, the
 * curve and the playhead.
 */
final class Timeline extends JComponent {
    static final int MARGIN = 16;
    static final int RULER = 28;
    static final int BLOCKS = 74;
    static final int CURVE_MIN = 110;
    static final double CURVE_TOP_LUFS = -6;
    static final double CURVE_BOTTOM_LUFS = -46;

    private final ArrangeSession session;
    private final IntConsumer select;
    private final MoveListener move;
    private final DoubleConsumer playFrom;
    private int selected;
    private int dragFrom = -1;
    private int dropAt = -1;
    private List<Double> curve = List.of();
    private double curveStep = 0.25;
    private boolean stale = true;
    private List<List<String>> activeStems = List.of();
    private double playhead = -1;

    /** Hears a block dragged from one place to another. */
    @FunctionalInterface
    interface MoveListener {
        void moved(int from, int to);
    }

    Timeline(ArrangeSession session, IntConsumer select, MoveListener move, DoubleConsumer playFrom) {
        this.session = session;
        this.select = select;
        this.move = move;
        this.playFrom = playFrom;
        setName("arrangeTimeline");
        setPreferredSize(new Dimension(900, RULER + BLOCKS + CURVE_MIN + 24));
        setFocusable(true);
        setToolTipText(Texts.get("arrange.timeline.tip"));
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                requestFocusInWindow();
                if (e.getY() < RULER) {
                    playFrom.accept(secondsAt(e.getX()));
                    return;
                }
                int i = blockAt(e.getX());
                if (i >= 0 && e.getY() < RULER + BLOCKS) {
                    select.accept(i);
                    dragFrom = i;
                    dropAt = i;
                }
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (dragFrom >= 0) {
                    int i = blockAt(Math.max(MARGIN, Math.min(e.getX(), getWidth() - MARGIN - 1)));
                    dropAt = i < 0 ? dragFrom : i;
                    repaint();
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                if (dragFrom >= 0 && dropAt >= 0 && dropAt != dragFrom) {
                    move.moved(dragFrom, dropAt);
                }
                dragFrom = -1;
                dropAt = -1;
                repaint();
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
    }

    void setSelected(int index) {
        selected = index;
        repaint();
    }

    void setCurve(List<Double> curve, double step, List<List<String>> activeStems) {
        this.curve = List.copyOf(curve);
        this.curveStep = step;
        this.activeStems = activeStems;
        this.stale = false;
        repaint();
    }

    void setStale() {
        stale = true;
        repaint();
    }

    void setPlayhead(double seconds) {
        if (seconds != playhead) {
            playhead = seconds;
            repaint();
        }
    }

    /** The curve's height: what the blocks and the ruler leave, less a line for its label. */
    private int curveHeight() {
        return Math.max(CURVE_MIN, getHeight() - RULER - BLOCKS - 20);
    }

    private double pxPerSecond() {
        double len = Math.max(1e-6, session.seconds());
        return Math.max(1, (getWidth() - 2.0 * MARGIN) / len);
    }

    /** The time under x, seconds (clamped to the song). */
    double secondsAt(int x) {
        return Math.max(0, Math.min(session.seconds(), (x - MARGIN) / pxPerSecond()));
    }

    /** The x of a time. */
    int xAt(double seconds) {
        return (int) Math.round(MARGIN + seconds * pxPerSecond());
    }

    /** The block under x, or -1. */
    int blockAt(int x) {
        if (x < MARGIN || session.size() == 0) {
            return -1;
        }
        double t = (x - MARGIN) / pxPerSecond();
        return t >= session.seconds() ? -1 : session.indexAt(t);
    }

    /** The centre of block {@code index}, for tests and the keyboard. */
    java.awt.Point blockCentre(int index) {
        double a = session.startSeconds(index);
        double b = session.startSeconds(index + 1);
        return new java.awt.Point((xAt(a) + xAt(b)) / 2, RULER + BLOCKS / 2);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x1e2124));
        g.fillRect(0, 0, getWidth(), getHeight());
        paintRuler(g);
        paintBlocks(g);
        paintCurve(g);
        paintTargets(g);
        if (playhead >= 0) {
            g.setColor(new Color(0xffffff));
            int x = xAt(playhead);
            g.drawLine(x, 0, x, RULER + BLOCKS + curveHeight());
        }
        g.dispose();
    }

    private void paintRuler(Graphics2D g) {
        g.setColor(new Color(0x2b2f33));
        g.fillRect(0, 0, getWidth(), RULER);
        g.setFont(getFont().deriveFont(Font.PLAIN, 10f));
        int bars = session.bars();
        double bar = session.barSeconds();
        int every = Math.max(1, (int) Math.ceil(40 / (bar * pxPerSecond()) / 4) * 4);
        for (int b = 0; b <= bars; b++) {
            int x = xAt(b * bar);
            g.setColor(new Color(0x5a6066));
            g.drawLine(x, RULER - (b % every == 0 ? 10 : 4), x, RULER);
            if (b % every == 0) {
                g.setColor(new Color(0xc8ccd0));
                g.drawString(Integer.toString(b + 1), x + 2, 11);
                g.setColor(new Color(0x8a9096));
                g.drawString(clock(b * bar), x + 2, 22);
            }
        }
    }

    private Color colour(String role) {
        return switch (role) {
            case "chorus" -> new Color(0xc0392b);
            case "verse" -> new Color(0x2e6da4);
            case "pre-chorus", "build" -> new Color(0x8e44ad);
            case "bridge", "breakdown" -> new Color(0x16a085);
            case "intro", "outro" -> new Color(0x566573);
            default -> new Color(0xb9770e);
        };
    }

    private void paintBlocks(Graphics2D g) {
        int stems = session.song().stems().size();
        for (int i = 0; i < session.size(); i++) {
            ArrangeSession.Entry e = session.entry(i);
            int x0 = xAt(session.startSeconds(i));
            int x1 = xAt(session.startSeconds(i + 1));
            int y = RULER + 6;
            int h = BLOCKS - 12;
            Color c = colour(session.section(e.section()).role());
            g.setColor(i == dragFrom ? c.darker() : c);
            g.fillRoundRect(x0 + 1, y, Math.max(2, x1 - x0 - 2), h, 8, 8);
            if (i == selected) {
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(2.5f));
                g.drawRoundRect(x0 + 1, y, Math.max(2, x1 - x0 - 2), h, 8, 8);
                g.setStroke(new BasicStroke(1f));
            }
            java.awt.Shape clip = g.getClip();
            g.clipRect(x0 + 3, y, Math.max(1, x1 - x0 - 6), h);
            g.setColor(Color.WHITE);
            g.setFont(getFont().deriveFont(Font.BOLD, 12f));
            g.drawString(session.section(e.section()).name(), x0 + 6, y + 17);
            g.setFont(getFont().deriveFont(Font.PLAIN, 10f));
            g.drawString(Texts.get("arrange.block.bars", e.bars()), x0 + 6, y + 32);
            String sounding = i < activeStems.size() && !stale ? Texts.get("arrange.block.sounding",
                    activeStems.get(i).size(), stems) : Texts.get("arrange.block.stems", e.stems().size(), stems);
            g.drawString(sounding, x0 + 6, y + 46);
            g.setClip(clip);
        }
        if (dragFrom >= 0 && dropAt >= 0 && dropAt != dragFrom) {
            int x = dropAt > dragFrom ? xAt(session.startSeconds(dropAt + 1)) : xAt(session.startSeconds(dropAt));
            g.setColor(new Color(0xf1c40f));
            g.fillRect(x - 2, RULER, 4, BLOCKS);
        }
    }

    private int yAt(double lufs) {
        double v = Math.max(CURVE_BOTTOM_LUFS, Math.min(CURVE_TOP_LUFS, lufs));
        int top = RULER + BLOCKS + 4;
        return (int) Math.round(top + (CURVE_TOP_LUFS - v) / (CURVE_TOP_LUFS - CURVE_BOTTOM_LUFS) * (curveHeight() - 8));
    }

    private void paintCurve(Graphics2D g) {
        int top = RULER + BLOCKS;
        g.setColor(new Color(0x17191b));
        g.fillRect(0, top, getWidth(), curveHeight());
        g.setFont(getFont().deriveFont(Font.PLAIN, 9f));
        for (int l = -10; l >= -40; l -= 10) {
            int y = yAt(l);
            g.setColor(new Color(0x33383d));
            g.drawLine(MARGIN, y, getWidth() - MARGIN, y);
            g.setColor(new Color(0x6c737a));
            g.drawString(Integer.toString(l), 1, y + 3);
        }
        g.setColor(new Color(0x8a9096));
        g.drawString(Texts.get("arrange.curve.label"), MARGIN + 4, top + curveHeight() + 14);
        if (curve.isEmpty()) {
            g.drawString(Texts.get("arrange.curve.none"), getWidth() / 2 - 60, top + curveHeight() / 2);
            return;
        }
        Path2D.Double p = new Path2D.Double();
        boolean started = false;
        for (int k = 0; k < curve.size(); k++) {
            double v = curve.get(k);
            if (!Double.isFinite(v)) {
                started = false;
                continue;
            }
            double x = xAt((k + 1) * curveStep);
            double y = yAt(v);
            if (started) {
                p.lineTo(x, y);
            } else {
                p.moveTo(x, y);
                started = true;
            }
        }
        g.setStroke(new BasicStroke(1.8f));
        g.setColor(stale ? new Color(0x5d6d7e) : new Color(0x5dade2));
        g.draw(p);
        g.setStroke(new BasicStroke(1f));
    }

    private void paintTargets(Graphics2D g) {
        ArrangeTarget t = session.song().target();
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
        g.setFont(getFont().deriveFont(Font.PLAIN, 10f));
        if (t.hasFirstChorus() && t.firstChorusBySeconds() <= session.seconds()) {
            int x = xAt(t.firstChorusBySeconds());
            g.setColor(new Color(0xf1c40f));
            g.drawLine(x, RULER, x, RULER + BLOCKS + curveHeight());
            g.drawString(Texts.get("arrange.marker.chorus", clock(t.firstChorusBySeconds())), x + 3,
                    RULER + BLOCKS + curveHeight() - 4);
        }
        double max = Math.min(t.maxSeconds(), t.radioEdit().map(ArrangeTarget.RadioEdit::maxSeconds)
                .orElse(Double.POSITIVE_INFINITY));
        if (Double.isFinite(max) && max <= session.seconds()) {
            int x = xAt(max);
            g.setColor(new Color(0xe74c3c));
            g.drawLine(x, RULER, x, RULER + BLOCKS + curveHeight());
            g.drawString(Texts.get("arrange.marker.max", clock(max)), x + 3, RULER + BLOCKS + curveHeight() - 16);
        }
        g.setStroke(new BasicStroke(1f));
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
