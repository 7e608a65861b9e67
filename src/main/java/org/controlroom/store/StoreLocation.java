package org.controlroom.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which learner database to open: a file (SQLite, the embedded default) or a PostgreSQL server named by
 * {@code postgresql://user@host:port/database} (a classroom server). A server's password never comes from
 * here: a URL carrying one is refused, since command lines and environments are visible to other users of
 * the machine; it is read from {@code PGPASSWORD} or a {@code .pgpass} file when connecting.
 */
public sealed interface StoreLocation {

    /** How the location is shown in messages. */
    String describe();

    /** A learner database file. */
    record File(Path path) implements StoreLocation {
        @Override
        public String describe() {
            return path.toString();
        }
    }

    /**
     * A PostgreSQL server.
     *
     * @param options     further connection settings from the URL's query ({@code sslmode}, {@code currentSchema}…)
     * @param localFolder where this computer keeps the answers the server could not take yet (the app's data folder)
     */
    record Server(String host, int port, String database, String user, Map<String, String> options, Path localFolder)
            implements StoreLocation {

        public Server {
            options = Map.copyOf(options);
        }

        /** The URL as the user writes it: without a password or other options, but with the schema when one is chosen. */
        public String url() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            String schema = options.get("currentSchema");
            return "postgresql://" + user + "@" + h + ":" + port + "/" + database
                    + (schema == null ? "" : "?currentSchema=" + schema);
        }

        @Override
        public String describe() {
            return url();
        }
    }

    /** Whether {@code text} names a server rather than a file. */
    static boolean isServerUrl(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://");
    }

    /**
     * A file path or a {@code postgresql://} URL, as given to {@code --db} or {@code CONTROL_ROOM_DB}.
     *
     * @param defaultUser the role used when the URL names none (the operating system's user name, as psql does)
     * @throws StoreException for a URL that cannot be used, saying why (a password in it, a bad port…)
     */
    static StoreLocation parse(String text, String defaultUser, Path localFolder) {
        if (!isServerUrl(text)) {
            return new File(Path.of(text));
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new StoreException("the database URL '" + text + "' cannot be read (" + e.getReason()
                    + "); write it as postgresql://ROLE@HOST:PORT/DATABASE");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new StoreException("the database URL has a password in it; a command line and the environment can be"
                    + " read by other users of this computer, so Control Room does not take one there. Give the URL"
                    + " without it (postgresql://" + decode(userInfo.substring(0, userInfo.indexOf(':')))
                    + "@…) and put the password in PGPASSWORD or in a .pgpass file"
                    + " (a line HOST:PORT:DATABASE:ROLE:PASSWORD, readable only by you)");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            if (uri.getRawAuthority() != null && !uri.getRawAuthority().endsWith("@")) {
                throw new StoreException("the database URL '" + text + "' names no server this way; write it as"
                        + " postgresql://ROLE@HOST:PORT/DATABASE");
            }
            host = "localhost";
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        if (port == 0 || port > 65535) {
            throw new StoreException("the database URL '" + text + "' has the port " + port + "; a port is 1 to 65535");
        }
        String user = userInfo == null || userInfo.isEmpty() ? defaultUser : decode(userInfo);
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty()) {
            database = user;
        }
        if (database.contains("/")) {
            throw new StoreException("the database URL '" + text + "' has the database name '" + database
                    + "'; a name has no '/'");
        }
        Map<String, String> options = new TreeMap<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.equalsIgnoreCase("password") || key.equalsIgnoreCase("passfile")) {
                    throw new StoreException("the database URL has a " + key + " setting; Control Room takes the"
                            + " password only from PGPASSWORD or a .pgpass file (PGPASSFILE names another), never from"
                            + " the command line");
                }
                if (key.equalsIgnoreCase("user")) {
                    user = value;
                    continue;
                }
                options.put(key, value);
            }
        }
        return new Server(host, port, database, user, options, localFolder);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
