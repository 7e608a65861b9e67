package org.controlroom.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the learner database lives: {@code --db PATH|URL}, else the {@value #ENV} environment variable,
 * else the operating system's usual per-user data folder (a {@code postgresql://} URL names a classroom
 * server instead of a file; see {@link StoreLocation}):
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

    /** The learner database for this process: {@code option} (a path or URL), else {@value #ENV}, else the data folder. */
    public static StoreLocation locate(Optional<String> option) {
        return locate(option, System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")),
                System.getProperty("user.name", "postgres"));
    }

    /**
     * The learner database as a pure function of its inputs. A server's local folder (where answers it could
     * not take wait) is the usual per-user data folder.
     */
    public static StoreLocation locate(Optional<String> option, Map<String, String> env, String osName, Path home,
                                       String userName) {
        String text = option.filter(s -> !s.isBlank()).orElse(env.get(ENV));
        if (text != null && !text.isBlank() && StoreLocation.isServerUrl(text)) {
            java.util.Map<String, String> rest = new java.util.HashMap<>(env);
            rest.remove(ENV);
            Path folder = resolve(Optional.empty(), rest, osName, home).getParent();
            return StoreLocation.parse(text, userName, folder);
        }
        return new StoreLocation.File(resolve(option.filter(s -> !s.isBlank()).map(Path::of), env, osName, home));
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
