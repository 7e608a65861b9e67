package org.controlroom.ui;

import java.awt.GraphicsEnvironment;

import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

import com.formdev.flatlaf.FlatDarkLaf;

/** Starts the Swing app: look and feel once, then the main window on the EDT. */
public final class ControlRoomApp {

    private ControlRoomApp() {
    }

    public static void launch() {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("control-room: no display is available, so the app window cannot open. "
                    + "Run it on a desktop, or use the command line: control-room --help");
            System.exit(2);
        }
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
