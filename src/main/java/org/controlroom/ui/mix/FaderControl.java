package org.controlroom.ui.mix;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.InputEvent;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.util.function.DoubleConsumer;

import javax.swing.JComponent;
import org.controlroom.ui.text.Texts;

/**
 * A console fader with a dB scale: drag the cap (or anywhere on the track) up and down; Shift- or
 * Alt-drag moves in fine steps (0.1 dB a pixel); double-click resets to 0 dB; the wheel and the arrow
 * keys step by 0.5 dB (0.1 with Shift). The scale is a console's: wide around 0 dB, tight at the
 * bottom. Values are rounded to 0.1 dB; every move is handed to the listener as it happens.
 */
public final class FaderControl extends JComponent {
    public static final double MIN_DB = -60;
    public static final double MAX_DB = 12;
    /** Scale points: dB and where they sit on the travel (0 bottom, 1 top). */
    private static final double[][] SCALE = {{-60, 0}, {-40, 0.1}, {-30, 0.2}, {-20, 0.32}, {-10, 0.5}, {-5, 0.62},
            {0, 0.75}, {6, 0.88}, {12, 1}};
    private static final int[] MARKS = {12, 6, 0, -5, -10, -20, -30, -40, -60};
    private static final double FINE_DB_PER_PIXEL = 0.1;
    private static final int PAD = 10;

    private final DoubleConsumer onChange;
    private double db;
    private double dragStartDb;
    private double dragStartPos;
    private int dragStartY;

    private Gesture gesture = Gesture.NONE;

    /** Hears the learner press and release (a drag is one undo step). */
    public void setGesture(Gesture g) {
        gesture = g;
    }

    public FaderControl(DoubleConsumer onChange) {
        this.onChange = onChange;
        setPreferredSize(new Dimension(46, 200));
        setMinimumSize(new Dimension(40, 120));
        setFocusable(true);
        setToolTipText(Texts.get("mix.fader.tip"));
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                gesture.begin();
                requestFocusInWindow();
                dragStartDb = db;
                dragStartPos = position(db);
                dragStartY = e.getY();
                if (e.getClickCount() == 2) {
                    set(0);
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                gesture.end();
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                int dy = dragStartY - e.getY();
                boolean fine = (e.getModifiersEx() & (InputEvent.SHIFT_DOWN_MASK | InputEvent.ALT_DOWN_MASK)) != 0;
                if (fine) {
                    set(dragStartDb + dy * FINE_DB_PER_PIXEL);
                } else {
                    set(dbAt(dragStartPos + dy / (double) travel()));
                }
            }

            @Override
            public void mouseWheelMoved(MouseWheelEvent e) {
                step(-e.getWheelRotation() * (e.isShiftDown() ? 0.1 : 0.5));
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
        addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                double s = e.isShiftDown() ? 0.1 : 0.5;
                if (e.getKeyCode() == KeyEvent.VK_UP) {
                    step(s);
                    e.consume();
                } else if (e.getKeyCode() == KeyEvent.VK_DOWN) {
                    step(-s);
                    e.consume();
                }
            }
        });
    }

    private void step(double by) {
        set(db + by);
    }

    private void set(double value) {
        double v = Math.round(Math.max(MIN_DB, Math.min(MAX_DB, value)) * 10) / 10.0;
        if (v != db) {
            db = v;
            repaint();
            onChange.accept(v);
        }
    }

    /** Shows a value (the session's) without telling the listener; values off the scale sit at its end. */
    public void setDb(double value) {
        if (value != db) {
            db = value;
            repaint();
        }
    }

    public double db() {
        return db;
    }

    /** Where a level sits on the travel, 0 (bottom) to 1 (top). */
    public static double position(double db) {
        if (db <= SCALE[0][0]) {
            return 0;
        }
        for (int i = 1; i < SCALE.length; i++) {
            if (db <= SCALE[i][0]) {
                double t = (db - SCALE[i - 1][0]) / (SCALE[i][0] - SCALE[i - 1][0]);
                return SCALE[i - 1][1] + t * (SCALE[i][1] - SCALE[i - 1][1]);
            }
        }
        return 1;
    }

    /** The level at a place on the travel (the inverse of {@link #position}). */
    public static double dbAt(double position) {
        if (position <= 0) {
            return SCALE[0][0];
        }
        for (int i = 1; i < SCALE.length; i++) {
            if (position <= SCALE[i][1]) {
                double t = (position - SCALE[i - 1][1]) / (SCALE[i][1] - SCALE[i - 1][1]);
                return SCALE[i - 1][0] + t * (SCALE[i][0] - SCALE[i - 1][0]);
            }
        }
        return SCALE[SCALE.length - 1][0];
    }

    private int travel() {
        return Math.max(1, getHeight() - 2 * PAD);
    }

    /** The y of a level in this component's coordinates. */
    public int yOf(double level) {
        return PAD + (int) Math.round((1 - position(level)) * travel());
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int w = getWidth();
        int slot = w - 16;
        g.setFont(getFont().deriveFont(Font.PLAIN, 9f));
        for (int m : MARKS) {
            int y = yOf(m);
            g.setColor(m == 0 ? new Color(0xc8ccd0) : new Color(0x7a8088));
            g.drawLine(slot - 8, y, slot - 3, y);
            String t = m > 0 ? "+" + m : Integer.toString(m);
            g.drawString(t, Math.max(0, slot - 10 - g.getFontMetrics().stringWidth(t)), y + 3);
        }
        g.setColor(new Color(0x1b1e21));
        g.fillRoundRect(slot, PAD - 2, 5, travel() + 4, 4, 4);
        int y = yOf(db);
        g.setColor(hasFocus() ? new Color(0x6fa8dc) : new Color(0xb8bec4));
        g.fillRoundRect(slot - 6, y - 7, 17, 14, 4, 4);
        g.setColor(new Color(0x2b2f33));
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(slot - 4, y, slot + 8, y);
        g.dispose();
    }
}
