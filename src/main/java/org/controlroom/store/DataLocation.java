package org.controlroom.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the learner database lives: {@code --db PATH}, else the {@value #ENV} environment variable,
 * else the operating system's usual per-user data folder:
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME/control-room/control-room.db}
 *       ({@code ~/.local/share/control-room/} when XDG_DATA_HOME is unset or not absolute);</li>
 *   <li>Windows: {@code %APPDATA%\Control Room\control-room.db};</li>
 *   <li>macOS: {@code ~/Library/Application Support/Control Room/control-room.db}.</li>
 * </ul>
 */
public final class DataLocation {

    public static final String ENV = "CONTROL_ROOM_DB";
    public static final String FILE_NAME = "control-room.db";

    private DataLocation() {
    }

    /** The database path for this process. */
    public static Path resolve(Optional<Path> option) {
        return resolve(option, System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** The database path, as a pure function of its inputs (so every OS can be tested anywhere). */
    public static Path resolve(Optional<Path> option, Map<String, String> env, String osName, Path home) {
        if (option.isPresent()) {
            return option.get();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Control Room").resolve(FILE_NAME);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Control Room").resolve(FILE_NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home.resolve(".local").resolve("share");
        return base.resolve("control-room").resolve(FILE_NAME);
    }
}
