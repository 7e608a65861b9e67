package org.controlroom.ui.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.swing.UIManager;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

/**
 * Applies the theme (FlatLaf dark or light) and finds out what "follow the system" means here.
 *
 * <p>FlatLaf 3.5 has no dark-mode detection of its own, so this asks the desktop: on Linux the GNOME
 * setting {@code org.gnome.desktop.interface color-scheme} ("prefer-dark", GNOME 42 and later, also set by
 * many other desktops through the XDG portal's settings), else a GTK theme whose name says "dark"
 * ({@code GTK_THEME} or {@code gtk-theme}), else KDE's {@code ~/.config/kdeglobals} colour scheme; on
 * Windows the registry value {@code AppsUseLightTheme}; on macOS {@code defaults read -g
 * AppleInterfaceStyle}. When none of these answers, the system counts as light (FlatLaf's own default).
 * It is read when the theme is applied (start and each change), not followed live.
 */
public final class Themes {

    private Themes() {
    }

    /** Whether the theme is dark here (for SYSTEM this asks the desktop: call it off the event thread). */
    public static boolean dark(Settings.Theme theme) {
        return switch (theme) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> systemPrefersDark().orElse(false);
        };
    }

    /** Installs FlatLaf dark or light and redraws every open window. Call on the event thread. */
    public static void apply(boolean dark) {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        UIManager.put("Component.arc", 8);
        UIManager.put("Button.arc", 8);
        UIManager.put("ScrollBar.showButtons", false);
        FlatLaf.updateUI();
    }

    /** Whether the desktop asks for dark windows; empty when it cannot be told. May run a short command. */
    public static Optional<Boolean> systemPrefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return run("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme").map(out -> out.contains("0x0"));
        }
        if (os.startsWith("mac")) {
            // prints "Dark" in dark mode; fails (no such key) in light mode
            return Optional.of(run("defaults", "read", "-g", "AppleInterfaceStyle").map(o -> o.contains("Dark"))
                    .orElse(false));
        }
        Optional<Boolean> gnome = run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
                .filter(o -> o.contains("prefer-dark") || o.contains("prefer-light") || o.contains("default"))
                .map(o -> o.contains("prefer-dark"));
        if (gnome.isPresent() && gnome.get()) {
            return gnome;
        }
        String gtkEnv = System.getenv("GTK_THEME");
        if (gtkEnv != null && !gtkEnv.isBlank()) {
            return Optional.of(gtkEnv.toLowerCase(Locale.ROOT).contains("dark"));
        }
        Optional<Boolean> gtk = run("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")
                .map(o -> o.toLowerCase(Locale.ROOT).contains("dark"));
        if (gtk.isPresent() && gtk.get()) {
            return gtk;
        }
        Path kde = Path.of(System.getProperty("user.home"), ".config", "kdeglobals");
        if (Files.isRegularFile(kde)) {
            try {
                for (String line : Files.readAllLines(kde, StandardCharsets.UTF_8)) {
                    if (line.startsWith("ColorScheme=")) {
                        return Optional.of(line.toLowerCase(Locale.ROOT).contains("dark"));
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // unreadable: no answer from KDE
            }
        }
        return gnome.or(() -> gtk);
    }

    /** A command's output when it ran and exited 0 within a second; empty otherwise (not installed…). */
    private static Optional<String> run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
