package org.controlroom.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.awt.event.KeyEvent;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.WindowConstants;

import com.formdev.flatlaf.FlatClientProperties;

/** The main window with its home screen. */
public final class MainWindow extends JFrame {

    public MainWindow() {
        super("Control Room");
        setName("mainWindow");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        setMinimumSize(new Dimension(720, 480));
        setSize(960, 640);
        setContentPane(homeScreen());
        getRootPane().registerKeyboardAction(e -> dispose(),
                KeyStroke.getKeyStroke(KeyEvent.VK_Q, java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
    }

    private JPanel homeScreen() {
        JPanel root = new JPanel(new BorderLayout(0, 24));
        root.setBorder(BorderFactory.createEmptyBorder(32, 40, 32, 40));

        JLabel title = new JLabel("Control Room");
        title.setName("homeTitle");
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h00");
        JLabel subtitle = new JLabel("Train your ears. Learn the producer's job. Scores come from the audio.");
        subtitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        JPanel header = new JPanel(new GridLayout(0, 1, 0, 6));
        header.add(title);
        header.add(subtitle);
        root.add(header, BorderLayout.NORTH);

        JPanel cards = new JPanel(new GridLayout(1, 3, 16, 0));
        cards.add(card("Ear training", "EQ boosts and cuts, gain steps, Q, compression, level and pan."));
        cards.add(card("Scenarios", "Arrange a song, choose and comp takes, mix to a brief, run a budget."));
        cards.add(card("Career", "Runner \u2192 Assistant Engineer \u2192 Engineer \u2192 Producer "
                + "\u2192 Executive Producer."));
        JPanel top = new JPanel(new BorderLayout());
        top.add(cards, BorderLayout.NORTH);
        root.add(top, BorderLayout.CENTER);
        return root;
    }

    private static JComponent card(String heading, String text) {
        JPanel p = new JPanel(new BorderLayout(0, 8));
        p.putClientProperty(FlatClientProperties.STYLE, "arc: 12; background: lighten(@background,5%)");
        p.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        JLabel h = new JLabel(heading);
        h.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JLabel body = new JLabel("<html>" + text + "</html>");
        body.setVerticalAlignment(SwingConstants.TOP);
        p.add(h, BorderLayout.NORTH);
        p.add(body, BorderLayout.CENTER);
        return p;
    }
}
