package org.controlroom.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A learner database reached through JDBC, as the shared repositories see it: work with its connection,
 * one caller at a time, and transactions that commit all or nothing. Each database (SQLite's file,
 * PostgreSQL's server) says how it connects, how it reports failures, and its {@link Dialect}.
 */
public abstract class SqlDatabase implements AutoCloseable {

    /** Work with the connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} with the connection (autocommit), one caller at a time. */
    public abstract <T> T call(String action, SqlWork<T> work);

    /** Runs {@code work} in one transaction: all of it is committed before this returns, or none. */
    public abstract <T> T transaction(String action, SqlWork<T> work);

    /** Where the database is, for messages: a file path or a server's URL (never a password). */
    public abstract String where();

    public abstract Dialect dialect();

    /** The schema version the database is at. */
    public abstract int schemaVersion();

    @Override
    public abstract void close();

    /**
     * Commits {@code work} on {@code c} (autocommit on when called), rolling back on any failure; autocommit
     * is on again afterwards either way.
     */
    protected static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            try {
                c.setAutoCommit(true);
            } catch (SQLException noTransaction) {
                e.addSuppressed(noTransaction);
            }
            throw e;
        }
        T result;
        try {
            result = work.run(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            try {
                c.setAutoCommit(true);
            } catch (SQLException notInTransaction) {
                e.addSuppressed(notInTransaction); // already rolled back: the first failure is the news
            }
            throw e;
        }
        c.setAutoCommit(true);
        return result;
    }
}
