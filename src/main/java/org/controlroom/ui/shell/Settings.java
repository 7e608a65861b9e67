package org.controlroom.ui.shell;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The learner's settings for this computer: theme, sound output device and buffer size, data folder,
 * the window's size and place, whether the first start was done. Kept in one properties file in the
 * per-user data folder (beside the learner database), so every user of the computer has their own and
 * tests point it at a temporary folder. Writes are whole-file (a temporary file moved into place).
 * Not thread-safe: the window touches it on the event thread only.
 */
public final class Settings {

    /** The look of the window. */
    public enum Theme {
        DARK, LIGHT, SYSTEM
    }

    public static final int DEFAULT_BUFFER_FRAMES = 2048;
    /** The buffer sizes offered, in frames. */
    public static final int[] BUFFER_CHOICES = {256, 512, 1024, 2048, 4096};

    private final Path file;
    private final Properties values = new Properties();
    private String problem = "";

    private Settings(Path file) {
        this.file = file;
    }

    /** Reads the settings file (missing: defaults; unreadable: defaults, and {@link #problem()} says why). */
    public static Settings load(Path file) {
        Settings s = new Settings(file);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                s.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                s.values.clear();
                s.problem = "The settings in " + file + " could not be read (" + e.getMessage()
                        + "); the defaults are used and the file is rewritten when a setting changes.";
            }
        }
        return s;
    }

    public Path file() {
        return file;
    }

    /** Why the file could not be read or written, or "". */
    public String problem() {
        return problem;
    }

    public Theme theme() {
        try {
            return Theme.valueOf(values.getProperty("theme", "DARK"));
        } catch (IllegalArgumentException e) {
            return Theme.DARK;
        }
    }

    public void theme(Theme t) {
        set("theme", t.name());
    }

    /** The chosen sound output device's name ("" = the system default). */
    public String outputDevice() {
        return values.getProperty("audio.device", "");
    }

    public void outputDevice(String name) {
        set("audio.device", name == null ? "" : name);
    }

    public int bufferFrames() {
        try {
            int b = Integer.parseInt(values.getProperty("audio.buffer", "" + DEFAULT_BUFFER_FRAMES));
            return b >= 64 && b <= 65536 ? b : DEFAULT_BUFFER_FRAMES;
        } catch (NumberFormatException e) {
            return DEFAULT_BUFFER_FRAMES;
        }
    }

    public void bufferFrames(int frames) {
        set("audio.buffer", Integer.toString(frames));
    }

    /** The folder chosen for the learner database, if one was chosen (used from the next start). */
    public Optional<Path> dataFolder() {
        String f = values.getProperty("data.folder", "");
        return f.isBlank() ? Optional.empty() : Optional.of(Path.of(f));
    }

    public void dataFolder(Optional<Path> folder) {
        set("data.folder", folder.map(Path::toString).orElse(""));
    }

    /** The window's last bounds, when they were saved. */
    public Optional<Rectangle> windowBounds() {
        try {
            int x = Integer.parseInt(values.getProperty("window.x"));
            int y = Integer.parseInt(values.getProperty("window.y"));
            int w = Integer.parseInt(values.getProperty("window.width"));
            int h = Integer.parseInt(values.getProperty("window.height"));
            return w > 100 && h > 100 ? Optional.of(new Rectangle(x, y, w, h)) : Optional.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public boolean windowMaximized() {
        return Boolean.parseBoolean(values.getProperty("window.maximized", "false"));
    }

    public void window(Rectangle bounds, boolean maximized) {
        values.setProperty("window.x", Integer.toString(bounds.x));
        values.setProperty("window.y", Integer.toString(bounds.y));
        values.setProperty("window.width", Integer.toString(bounds.width));
        values.setProperty("window.height", Integer.toString(bounds.height));
        set("window.maximized", Boolean.toString(maximized));
    }

    /** Whether the first-start walk was done (or skipped) on this computer. */
    public boolean firstStartDone() {
        return Boolean.parseBoolean(values.getProperty("first-start.done", "false"));
    }

    public void firstStartDone(boolean done) {
        set("first-start.done", Boolean.toString(done));
    }

    /** The learner last chosen, so the next start opens on them. */
    public String lastLearner() {
        return values.getProperty("learner.last", "");
    }

    public void lastLearner(String name) {
        set("learner.last", name == null ? "" : name);
    }

    private void set(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    /** Writes the file now (each setter does); a failure is kept in {@link #problem()}. */
    public void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Control Room settings (this computer, this user)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            problem = "";
        } catch (IOException e) {
            problem = "The settings could not be saved to " + file + " (" + e.getMessage() + ").";
        }
    }
}
