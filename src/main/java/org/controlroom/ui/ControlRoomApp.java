package org.controlroom.ui;

import java.awt.GraphicsEnvironment;

import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

import org.controlroom.ui.shell.Settings;
import org.controlroom.ui.shell.Themes;

/** Starts the Swing app: look and feel once, then the main window on the EDT. */
public final class ControlRoomApp {

    private ControlRoomApp() {
    }

    /** Whether a window can open here (a display is available). */
    public static boolean canOpen() {
        return !GraphicsEnvironment.isHeadless();
    }

    public static void launch() {
        // the theme is settled before the window opens; "follow the system" asks the desktop here, on the
        // main thread, not on the event thread
        AppConfig config = AppConfig.defaults();
        boolean dark = Themes.dark(Settings.load(config.settingsFile()).theme());
        SwingUtilities.invokeLater(() -> {
            try {
                installLookAndFeel(config.settingsFile(), dark);
                MainWindow window = new MainWindow(config);
                window.setVisible(true);
            } catch (RuntimeException e) {
                JOptionPane.showMessageDialog(null, "Control Room could not start: " + e.getMessage(),
                        "Control Room", JOptionPane.ERROR_MESSAGE);
                throw e;
            }
        });
    }

    /** FlatLaf dark, the default theme (tests and callers without settings). */
    public static void installLookAndFeel() {
        Themes.apply(true);
    }

    /** FlatLaf in the theme the settings ask for ({@code dark} as worked out for "follow the system"). */
    static void installLookAndFeel(java.nio.file.Path settingsFile, boolean dark) {
        Themes.apply(dark);
    }
}
