package org.controlroom.ui.tutor;

import java.awt.BorderLayout;
import java.awt.FlowLayout;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.controlroom.ui.text.Texts;

import com.formdev.flatlaf.FlatClientProperties;

/** The heading row (back button and title) and the status line every tutor screen has. */
final class ScreenParts {

    private ScreenParts() {
    }

    static JPanel header(String titleKey, Runnable back) {
        JButton b = new JButton(Texts.get("tutor.back"));
        b.setName("tutor.back");
        b.setToolTipText(Texts.get("tutor.back.tip"));
        b.addActionListener(e -> back.run());
        JLabel title = new JLabel(Texts.get(titleKey));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 12, 0));
        row.add(b);
        row.add(title);
        return row;
    }

    static JLabel status() {
        JLabel s = new JLabel(" ");
        s.setName("tutor.status");
        return s;
    }

    static JPanel screen(String name) {
        JPanel p = new JPanel(new BorderLayout(0, 10));
        p.setName(name);
        p.setBorder(BorderFactory.createEmptyBorder(16, 20, 12, 20));
        return p;
    }

    static JButton button(String key, String name) {
        JButton b = new JButton(Texts.get(key));
        b.setName(name);
        return b;
    }
}
