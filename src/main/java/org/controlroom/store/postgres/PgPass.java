package org.controlroom.store.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.controlroom.store.StoreException;
import org.controlroom.store.StoreLocation;

/**
 * A server's password, found the way PostgreSQL's own tools find it: {@code PGPASSWORD}, else the password
 * file named by {@code PGPASSFILE}, else {@code ~/.pgpass} ({@code %APPDATA%\postgresql\pgpass.conf} on
 * Windows). A file's lines are {@code hostname:port:database:username:password}; {@code #} starts a comment,
 * a field of {@code *} matches anything, {@code \:} and {@code \\} are a colon and a backslash, and the first
 * matching line wins. As libpq does, a file that others can read is not used (and the user is told).
 */
final class PgPass {

    /** A password and where it came from (for messages: never the password itself). */
    record Found(Optional<String> password, String source) {
    }

    private PgPass() {
    }

    static Found lookup(StoreLocation.Server server, Map<String, String> env, Path home, String osName) {
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new Found(Optional.of(fromEnv), "PGPASSWORD");
        }
        Path file = passFile(env, home, osName);
        if (!Files.isRegularFile(file)) {
            return new Found(Optional.empty(), "no PGPASSWORD and no password file " + file);
        }
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                        || perms.contains(PosixFilePermission.GROUP_WRITE)
                        || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                    throw new StoreException("the password file " + file + " can be read by other users of this"
                            + " computer, so it is not used (as PostgreSQL's own tools do); make it yours alone:"
                            + " chmod 600 '" + file + "'");
                }
            } catch (IOException | UnsupportedOperationException e) {
                // no POSIX permissions here: use it as libpq does on such file systems
            }
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
        Optional<String> password = match(lines, server.host(), server.port(), server.database(), server.user());
        return new Found(password, password.isPresent() ? "the password file " + file
                : "the password file " + file + " (no line for " + server.host() + ":" + server.port() + ":"
                + server.database() + ":" + server.user() + ")");
    }

    static Path passFile(Map<String, String> env, Path home, String osName) {
        String named = env.get("PGPASSFILE");
        if (named != null && !named.isEmpty()) {
            return Path.of(named);
        }
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("postgresql").resolve("pgpass.conf");
        }
        return home.resolve(".pgpass");
    }

    /** The password of the first line whose four fields match, if any. */
    static Optional<String> match(List<String> lines, String host, int port, String database, String user) {
        String[] wanted = {host, Integer.toString(port), database, user};
        for (String raw : lines) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<Field> fields = fields(line);
            if (fields.size() < 5) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < 4 && all; i++) {
                Field f = fields.get(i);
                all = f.wildcard() || f.text().equals(wanted[i]);
            }
            if (all) {
                return Optional.of(fields.get(4).text());
            }
        }
        return Optional.empty();
    }

    /** A field, unescaped; {@code wildcard} when it was a bare {@code *}. */
    record Field(String text, boolean wildcard) {
    }

    /** Four colon-separated fields, then the password: the rest of the line (its colons escaped or not). */
    static List<Field> fields(String line) {
        List<Field> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) {
                sb.append(line.charAt(++i));
                escaped = true;
            } else if (ch == ':' && out.size() < 4) {
                out.add(new Field(sb.toString(), !escaped && sb.toString().equals("*")));
                sb.setLength(0);
                escaped = false;
            } else {
                sb.append(ch);
            }
        }
        out.add(new Field(sb.toString(), !escaped && sb.toString().equals("*")));
        return out;
    }
}
