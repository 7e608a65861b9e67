package org.controlroom.ui.mix;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.List;

import javax.swing.JComponent;

/**
 * A 1/3-octave spectrum: bars for one series (the live mix, or the submitted mix) and, if given, a line
 * for a second (the reference), on a log frequency axis 20 Hz – 20 kHz.
 */
public final class SpectrumView extends JComponent {
    private double[] hz = new double[0];
    private double[] bars = new double[0];
    private double[] line = new double[0];
    private String barsLabel = "";
    private String lineLabel = "";
    private double floorDb = -90;
    private double topDb = 0;
    private boolean fit;

    public SpectrumView(Dimension size) {
        setPreferredSize(size);
    }

    /** Live readings: bars only, −90 … 0 dB. */
    public void showLive(double[] centresHz, double[] levelsDb) {
        hz = centresHz;
        bars = levelsDb;
        line = new double[0];
        fit = false;
        repaint();
    }

    /** Two spectra to compare, the scale fitted to them. */
    public void showComparison(double[] centresHz, double[] mixDb, String mixLabel, double[] referenceDb,
                               String referenceLabel) {
        hz = centresHz;
        bars = mixDb;
        line = referenceDb;
        barsLabel = mixLabel;
        lineLabel = referenceLabel;
        fit = true;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double[] s : List.of(mixDb, referenceDb)) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        if (Double.isFinite(max)) {
            topDb = Math.ceil((max + 3) / 6) * 6;
            floorDb = Math.floor((min - 3) / 6) * 6;
        }
        repaint();
    }

    private int x(double f, int w) {
        return 34 + (int) Math.round(Math.log(f / 20) / Math.log(1000) * (w - 42));
    }

    private int y(double db, int h) {
        double t = (Math.max(floorDb, Math.min(topDb, db)) - floorDb) / (topDb - floorDb);
        return 8 + (int) Math.round((1 - t) * (h - 26));
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int w = getWidth();
        int h = getHeight();
        g.setColor(new Color(0x1b1e21));
        g.fillRect(0, 0, w, h);
        g.setFont(getFont().deriveFont(Font.PLAIN, fit ? 11f : 9f));
        double step = fit ? 6 : 30;
        for (double db = Math.ceil(floorDb / step) * step; db <= topDb; db += step) {
            int yy = y(db, h);
            g.setColor(new Color(0x33383d));
            g.drawLine(34, yy, w - 8, yy);
            g.setColor(new Color(0x7a8088));
            g.drawString(String.valueOf((int) db), 2, yy + 4);
        }
        for (double f : new double[] {31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000}) {
            int xx = x(f, w);
            g.setColor(new Color(0x7a8088));
            String t = f >= 1000 ? (int) (f / 1000) + "k" : f == 31.5 ? "31.5" : Integer.toString((int) f);
            g.drawString(t, xx - g.getFontMetrics().stringWidth(t) / 2, h - 4);
        }
        for (int i = 0; i < hz.length && i < bars.length; i++) {
            if (!Double.isFinite(bars[i])) {
                continue;
            }
            int x0 = x(hz[i] * Math.pow(2, -1 / 6.0), w);
            int x1 = x(hz[i] * Math.pow(2, 1 / 6.0), w);
            int yy = y(bars[i], h);
            g.setColor(new Color(0x4f86b8));
            g.fillRect(x0 + 1, yy, Math.max(1, x1 - x0 - 2), h - 18 - yy);
        }
        if (line.length > 0) {
            Path2D.Double p = new Path2D.Double();
            boolean first = true;
            for (int i = 0; i < hz.length && i < line.length; i++) {
                if (!Double.isFinite(line[i])) {
                    continue;
                }
                double xx = x(hz[i], w);
                double yy = y(line[i], h);
                if (first) {
                    p.moveTo(xx, yy);
                    first = false;
                } else {
                    p.lineTo(xx, yy);
                }
            }
            g.setColor(new Color(0xf6b26b));
            g.setStroke(new BasicStroke(2.5f));
            g.draw(p);
            g.setStroke(new BasicStroke(1f));
            for (int i = 0; i < hz.length && i < line.length; i++) {
                if (Double.isFinite(line[i])) {
                    g.fillOval(x(hz[i], w) - 3, y(line[i], h) - 3, 6, 6);
                }
            }
        }
        if (fit) {
            g.setColor(new Color(0x4f86b8));
            g.fillRect(w - 220, 10, 12, 12);
            g.setColor(new Color(0xe0e4e8));
            g.drawString(barsLabel, w - 202, 21);
            g.setColor(new Color(0xf6b26b));
            g.fillRect(w - 220, 28, 12, 4);
            g.setColor(new Color(0xe0e4e8));
            g.drawString(lineLabel, w - 202, 35);
        }
        g.dispose();
    }

    /** The series drawn as bars (for tests). */
    public double[] bars() {
        return bars.clone();
    }

    public double[] line() {
        return line.clone();
    }
}
