package org.controlroom.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

import org.controlroom.store.PinFailures;
import org.controlroom.store.PinRecord;
import org.controlroom.store.TutorRepository;

/** The tutor profile on SQLite: one row (id 1) in {@code tutor}; standard SQL only. */
final class SqliteTutorRepository implements TutorRepository {

    private final SqliteDatabase db;

    SqliteTutorRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<PinRecord> pin() {
        return db.call("read the tutor's PIN record", c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT algorithm, iterations, salt, hash, set_at FROM tutor WHERE id = 1");
                 ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Instant setAt = SqliteLearnerRepository.instant(rs.getString(5)).orElse(Instant.EPOCH);
                return Optional.of(new PinRecord(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), setAt));
            }
        });
    }

    @Override
    public void setPin(PinRecord r) {
        db.transaction("save the tutor's PIN", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO tutor (id, algorithm, iterations, salt, hash, set_at,"
                    + " failed_attempts, last_failed_at) VALUES (1, ?, ?, ?, ?, ?, 0, NULL)"
                    + " ON CONFLICT (id) DO UPDATE SET algorithm = excluded.algorithm, iterations = excluded.iterations,"
                    + " salt = excluded.salt, hash = excluded.hash, set_at = excluded.set_at, failed_attempts = 0,"
                    + " last_failed_at = NULL")) {
                p.setString(1, r.algorithm());
                p.setInt(2, r.iterations());
                p.setString(3, r.salt());
                p.setString(4, r.hash());
                p.setString(5, r.setAt().toString());
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public PinFailures failures() {
        return db.call("read the wrong-PIN count", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT failed_attempts, last_failed_at FROM tutor WHERE id = 1");
                 ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return PinFailures.NONE;
                }
                return new PinFailures(rs.getInt(1), SqliteLearnerRepository.instant(rs.getString(2)));
            }
        });
    }

    @Override
    public PinFailures recordFailure(Instant at) {
        return db.transaction("count a wrong PIN", c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE tutor SET failed_attempts = failed_attempts + 1,"
                    + " last_failed_at = ? WHERE id = 1")) {
                p.setString(1, at.toString());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT failed_attempts, last_failed_at FROM tutor WHERE id = 1");
                 ResultSet rs = p.executeQuery()) {
                return rs.next() ? new PinFailures(rs.getInt(1), SqliteLearnerRepository.instant(rs.getString(2)))
                        : PinFailures.NONE;
            }
        });
    }

    @Override
    public void clearFailures() {
        db.transaction("clear the wrong-PIN count", c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE tutor SET failed_attempts = 0, last_failed_at = NULL WHERE id = 1")) {
                p.executeUpdate();
            }
            return null;
        });
    }
}
