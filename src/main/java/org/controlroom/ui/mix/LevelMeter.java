package org.controlroom.ui.mix;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

import javax.swing.JComponent;

/**
 * A vertical peak meter, −60 … +6 dBFS: the level bar (green, amber from −12, red from −3), the held
 * peak as a line, and a clip light on top that stays lit until clicked. Or, as a gain-reduction meter,
 * an orange bar growing down from the top, 0 … 24 dB.
 */
public final class LevelMeter extends JComponent {
    private static final double FLOOR_DB = -60;
    private static final double TOP_DB = 6;
    private static final double GR_RANGE_DB = 24;
    private static final int LIGHT = 6;

    private final boolean gainReduction;
    private double levelDb = Double.NEGATIVE_INFINITY;
    private double holdDb = Double.NEGATIVE_INFINITY;
    private boolean clipped;

    private LevelMeter(boolean gainReduction, Runnable clearClip) {
        this.gainReduction = gainReduction;
        setPreferredSize(new Dimension(gainReduction ? 7 : 10, 200));
        if (clearClip != null) {
            addMouseListener(new MouseAdapter() {
                @Override
                public void mouseClicked(MouseEvent e) {
                    if (e.getY() <= LIGHT + 2) {
                        clearClip.run();
                    }
                }
            });
        }
    }

    /** A peak meter whose clip light, clicked, runs {@code clearClip} (resets the meters). */
    public static LevelMeter peak(Runnable clearClip) {
        return new LevelMeter(false, clearClip);
    }

    /** A gain-reduction meter. */
    public static LevelMeter gainReduction() {
        return new LevelMeter(true, null);
    }

    /** New readings (dBFS, or dB of reduction); repaints only if something shows differently. */
    public void show(double level, double hold, boolean clip) {
        if (level != levelDb || hold != holdDb || clip != clipped) {
            levelDb = level;
            holdDb = hold;
            clipped = clip;
            repaint();
        }
    }

    public double levelDb() {
        return levelDb;
    }

    public boolean clipped() {
        return clipped;
    }

    private int y(double db, int top, int h) {
        double t = (Math.max(FLOOR_DB, Math.min(TOP_DB, db)) - FLOOR_DB) / (TOP_DB - FLOOR_DB);
        return top + (int) Math.round((1 - t) * h);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        int w = getWidth();
        if (gainReduction) {
            int h = getHeight();
            g.setColor(new Color(0x1b1e21));
            g.fillRect(0, 0, w, h);
            double r = Math.max(0, Math.min(GR_RANGE_DB, Double.isFinite(levelDb) ? levelDb : 0));
            g.setColor(new Color(0xe69138));
            g.fillRect(0, 0, w, (int) Math.round(r / GR_RANGE_DB * h));
            g.dispose();
            return;
        }
        int top = LIGHT + 3;
        int h = getHeight() - top;
        g.setColor(clipped ? new Color(0xe53935) : new Color(0x3a2a2a));
        g.fillRect(0, 0, w, LIGHT);
        g.setColor(new Color(0x1b1e21));
        g.fillRect(0, top, w, h);
        if (Double.isFinite(levelDb)) {
            int yl = y(levelDb, top, h);
            int y12 = y(-12, top, h);
            int y3 = y(-3, top, h);
            g.setColor(new Color(0x5cb85c));
            g.fillRect(0, Math.max(yl, y12), w, top + h - Math.max(yl, y12));
            if (yl < y12) {
                g.setColor(new Color(0xf0ad4e));
                g.fillRect(0, Math.max(yl, y3), w, y12 - Math.max(yl, y3));
            }
            if (yl < y3) {
                g.setColor(new Color(0xd9534f));
                g.fillRect(0, yl, w, y3 - yl);
            }
        }
        if (Double.isFinite(holdDb)) {
            g.setColor(new Color(0xe0e4e8));
            int yh = y(holdDb, top, h);
            g.fillRect(0, yh, w, 2);
        }
        g.setColor(new Color(0x5a6066));
        int y0 = y(0, top, h);
        g.drawLine(0, y0, w, y0);
        g.dispose();
    }
}
