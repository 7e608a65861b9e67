package org.controlroom.store.jdbc;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.controlroom.store.MusicLibraryRepository;

/** "My music" on any SQL database: one row per learner and path, in the order added, each call committed. */
public final class JdbcMusicLibraryRepository implements MusicLibraryRepository {

    private final SqlDatabase db;
    private final Clock clock;

    public JdbcMusicLibraryRepository(SqlDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private static String key(Path path) {
        return path.toAbsolutePath().toString();
    }

    @Override
    public boolean add(long learnerId, Path path) {
        String p = key(path);
        return db.transaction("add to your music", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO music_library (learner_id, path, added_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (learner_id, path) DO NOTHING")) {
                s.setLong(1, learnerId);
                s.setString(2, p);
                s.setString(3, clock.instant().toString());
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean remove(long learnerId, Path path) {
        String p = key(path);
        return db.transaction("remove from your music", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM music_library WHERE learner_id = ? AND path = ?")) {
                s.setLong(1, learnerId);
                s.setString(2, p);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<Path> list(long learnerId) {
        return db.call("read your music", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT path FROM music_library WHERE learner_id = ?"
                    + " ORDER BY id")) {
                s.setLong(1, learnerId);
                List<Path> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        try {
                            out.add(Path.of(rs.getString(1)));
                        } catch (InvalidPathException e) {
                            // a path this system cannot even name (written on another OS): left out
                        }
                    }
                }
                return List.copyOf(out);
            }
        });
    }
}
