package org.controlroom.ui;

import java.nio.file.Path;
import java.util.Optional;

import org.controlroom.store.DataLocation;
import org.controlroom.store.StoreLocation;
import org.controlroom.ui.shell.Settings;

/**
 * Where the app finds its lessons, its learner database and its settings file.
 *
 * @param settingsFile the per-user settings (theme, sound device, window place…); tests give a temporary one
 */
public record AppConfig(Path lessonsDir, Path assetsDir, Path database, Path settingsFile, StoreLocation store) {

    /** With the database file as the store. */
    public AppConfig(Path lessonsDir, Path assetsDir, Path database, Path settingsFile) {
        this(lessonsDir, assetsDir, database, settingsFile, new StoreLocation.File(database));
    }

    /** With the settings file beside the database (a test's temporary database keeps its settings with it). */
    public AppConfig(Path lessonsDir, Path assetsDir, Path database) {
        this(lessonsDir, assetsDir, database, database.toAbsolutePath().resolveSibling("settings.properties"));
    }

    /**
     * The defaults: the shipped lessons (see LessonsLocation) with their audio-assets; the settings file in
     * the per-user data folder; the database there, or in the data folder chosen in the settings (unless
     * {@code CONTROL_ROOM_DB} names one). When {@code CONTROL_ROOM_DB} names a classroom server, the
     * settings stay in the per-user data folder and the store is the server.
     */
    public static AppConfig defaults() {
        Path lessons = org.controlroom.lesson.script.LessonsLocation.find();
        StoreLocation located = DataLocation.locate(Optional.empty());
        if (located instanceof StoreLocation.Server server) {
            Path settings = server.localFolder().resolve("settings.properties");
            return new AppConfig(lessons, lessons.resolveSibling("audio-assets"),
                    server.localFolder().resolve(DataLocation.FILE_NAME), settings, server);
        }
        Path standard = DataLocation.resolve(Optional.empty(), java.util.Map.of(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
        Path settings = standard.resolveSibling("settings.properties");
        Path db = DataLocation.resolve(Optional.empty());
        String env = System.getenv(DataLocation.ENV);
        if (env != null && !env.isBlank()) {
            settings = db.toAbsolutePath().resolveSibling("settings.properties");
        } else {
            Optional<Path> chosen = Settings.load(settings).dataFolder();
            if (chosen.isPresent()) {
                db = chosen.get().resolve(DataLocation.FILE_NAME);
            }
        }
        return new AppConfig(lessons, lessons.resolveSibling("audio-assets"), db, settings);
    }
}
