package org.controlroom.ui;

import java.awt.GraphicsEnvironment;

import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

import com.formdev.flatlaf.FlatDarkLaf;

/** Starts the Swing app: look and feel once, then the main window on the EDT. */
public final class ControlRoomApp {

    private ControlRoomApp() {
    }

    /** Whether a window can open here (a display is available). */
    public static boolean canOpen() {
        return !GraphicsEnvironment.isHeadless();
    }

    public static void launch() {
        SwingUtilities.invokeLater(() -> {
            try {
                installLookAndFeel();
                MainWindow window = new MainWindow();
                window.setLocationRelativeTo(null);
                window.setVisible(true);
            } catch (RuntimeException e) {
                JOptionPane.showMessageDialog(null, "Control Room could not start: " + e.getMessage(),
                        "Control Room", JOptionPane.ERROR_MESSAGE);
                throw e;
            }
        });
    }

    /** FlatLaf, set once at start. */
    public static void installLookAndFeel() {
        FlatDarkLaf.setup();
        javax.swing.UIManager.put("Component.arc", 8);
        javax.swing.UIManager.put("Button.arc", 8);
        javax.swing.UIManager.put("ScrollBar.showButtons", false);
    }
}
