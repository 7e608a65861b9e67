package org.controlroom.store.postgres;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

import org.controlroom.store.StoreException;
import org.controlroom.store.StoreLocation;

/** Translates the server's errors into words a learner or a school's administrator can act on. */
final class PostgresErrors {

    /** SQL states after which the same work may succeed on a new connection (the server restarting, the network). */
    private static final Set<String> TRANSIENT = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");

    private PostgresErrors() {
    }

    /** Whether {@code e} means the connection is gone or could not be made: worth reconnecting and retrying. */
    static boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if (state != null && (state.startsWith("08") && !state.equals("08004") || TRANSIENT.contains(state))) {
                    return true;
                }
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    static StoreException unreachable(StoreLocation.Server server, SQLException e, long waitedMs) {
        return new ServerUnreachableException("the classroom server " + server.url() + " is unreachable ("
                + reason(e) + "; tried for " + Math.max(1, Math.round(waitedMs / 1000.0)) + " s). Check that it is"
                + " running and that this computer is on its network", e);
    }

    static StoreException from(SQLException e, StoreLocation.Server server, String passwordSource, String action) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String role = "'" + server.user() + "'";
        String msg = switch (state) {
            case "28P01" -> "the classroom server " + server.url() + " refused the password of the role " + role
                    + " (password from " + passwordSource + "); set the right one in PGPASSWORD or your .pgpass file";
            case "28000" -> "the classroom server " + server.url() + " does not let the role " + role + " in from this"
                    + " computer (" + reason(e) + "); whoever runs the server allows it in pg_hba.conf";
            case "08004" -> lower(e).contains("password")
                    ? "the classroom server " + server.url() + " asks for the password of the role " + role + " and "
                    + passwordSource + " gives none; put it in PGPASSWORD or in a .pgpass file (a line "
                    + server.host() + ":" + server.port() + ":" + server.database() + ":" + server.user()
                    + ":PASSWORD, chmod 600)"
                    : "the classroom server " + server.url() + " refused the connection (" + reason(e) + ")";
            case "3D000" -> "the classroom server " + server.host() + ":" + server.port() + " has no database '"
                    + server.database() + "'; create it (for example: createdb -O " + server.user() + " "
                    + server.database() + ") or name the right one in the URL";
            case "42501" -> "the role " + role + " may not " + action + " on the classroom server " + server.url() + " ("
                    + reason(e) + "); whoever runs the server grants it (see the README: roles)";
            case "53100" -> "the classroom server " + server.url() + " is out of disk space: could not " + action
                    + ". Everything saved before is kept; whoever runs the server frees space";
            default -> "could not " + action + " on the classroom server " + server.url() + ": " + reason(e);
        };
        return new StoreException(msg, e);
    }

    private static String lower(SQLException e) {
        return e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    }

    /** The server's or the network's reason, on one line. */
    static String reason(SQLException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && root instanceof java.io.IOException) {
            m = root.getMessage();
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
