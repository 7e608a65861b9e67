package org.controlroom.ui.mix;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.Arc2D;
import java.util.function.IntConsumer;

import javax.swing.JComponent;
import org.controlroom.ui.text.Texts;

/**
 * A pan knob, 100 L (−100) … C (0) … 100 R: drag up (right) or down (left), a unit a pixel, a quarter
 * unit with Shift; double-click centres; the wheel steps by 5.
 */
public final class PanKnob extends JComponent {
    private final IntConsumer onChange;
    private int value;
    private int startValue;
    private int startY;
    private double fineRest;

    private Gesture gesture = Gesture.NONE;

    /** Hears the learner press and release (a drag is one undo step). */
    public void setGesture(Gesture g) {
        gesture = g;
    }

    public PanKnob(IntConsumer onChange) {
        this.onChange = onChange;
        setPreferredSize(new Dimension(40, 40));
        setToolTipText(Texts.get("mix.pan.tip"));
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                gesture.begin();
                startValue = value;
                startY = e.getY();
                fineRest = 0;
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
                int dy = startY - e.getY();
                set(startValue + (e.isShiftDown() ? (int) Math.round(dy / 4.0) : dy));
            }

            @Override
            public void mouseWheelMoved(MouseWheelEvent e) {
                set(value - 5 * e.getWheelRotation());
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
    }

    private void set(int v) {
        int c = Math.max(-100, Math.min(100, v));
        if (c != value) {
            value = c;
            repaint();
            onChange.accept(c);
        }
    }

    /** Shows a value (−100 … 100) without telling the listener. */
    public void setValue(int v) {
        if (v != value) {
            value = v;
            repaint();
        }
    }

    public int value() {
        return value;
    }

    /** "C", "30 L", "100 R". */
    public static String text(int pan) {
        return pan == 0 ? "C" : pan < 0 ? (-pan) + " L" : pan + " R";
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int d = Math.min(getWidth(), getHeight()) - 6;
        int x = (getWidth() - d) / 2;
        int y = (getHeight() - d) / 2;
        g.setColor(new Color(0x2b2f33));
        g.fillOval(x, y, d, d);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x4a5056));
        g.draw(new Arc2D.Double(x + 2, y + 2, d - 4, d - 4, -45, 270, Arc2D.OPEN));
        g.setColor(new Color(0x6fa8dc));
        double extent = -value * 1.35;   // 135 degrees either side of the top
        g.draw(new Arc2D.Double(x + 2, y + 2, d - 4, d - 4, 90, extent, Arc2D.OPEN));
        double a = Math.toRadians(90 - value * 1.35);
        int cx = x + d / 2;
        int cy = y + d / 2;
        g.setColor(new Color(0xe0e4e8));
        g.drawLine(cx, cy, cx + (int) Math.round(Math.cos(a) * d / 2.6), cy - (int) Math.round(Math.sin(a) * d / 2.6));
        g.dispose();
    }
}
