package org.controlroom.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.QuestionColumns;
import org.controlroom.store.StoreException;

/**
 * Answers and results the classroom server could not take, kept on this computer until it can: a small
 * SQLite file beside the app's data ({@code outbox.db}), each item committed and synced before the call
 * that gave it returns, in the order given, tagged with the server it is for. Each answer keeps the client
 * key it was first sent with, so sending it again stores it once.
 */
final class Outbox implements AutoCloseable {

    /** What waits: answers of an attempt (with their keys), or an attempt's result. */
    sealed interface Item {
        long attemptId();
    }

    record Answers(long attemptId, List<AnswerRecord> answers, List<String> keys) implements Item {
    }

    record Finish(long attemptId, double score, boolean passed, String criteriaJson, int xpOffered,
                  Instant finishedAt) implements Item {
    }

    /** An item with its place in the queue. */
    record Queued(long seq, Item item) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String server;
    private final Connection c;

    private Outbox(Path file, String server, Connection c) {
        this.file = file;
        this.server = server;
        this.c = c;
    }

    static Outbox open(Path file, String server) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the folder " + file.getParent() + " for the answers kept while the"
                    + " classroom server is unreachable: " + e.getMessage(), e);
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("CREATE TABLE IF NOT EXISTS pending (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " server TEXT NOT NULL, kind TEXT NOT NULL, attempt_id INTEGER NOT NULL, body TEXT NOT NULL,"
                        + " queued_at TEXT NOT NULL)");
            }
            return new Outbox(file, server, c);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ", where answers wait while the classroom server is"
                    + " unreachable: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    synchronized void add(Item item) {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO pending (server, kind, attempt_id, body, queued_at) VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, server);
            p.setString(2, item instanceof Answers ? "answers" : "finish");
            p.setLong(3, item.attemptId());
            p.setString(4, body(item));
            p.setString(5, Instant.now().toString());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("the classroom server " + server + " is unreachable and the answer could not be kept"
                    + " on this computer either (" + file + ": " + e.getMessage() + "); it is lost unless you answer"
                    + " again", e);
        }
    }

    /** The oldest item for this server. */
    synchronized Optional<Queued> oldest() {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT seq, kind, attempt_id, body FROM pending WHERE server = ? ORDER BY seq LIMIT 1")) {
            p.setString(1, server);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Queued(rs.getLong(1), item(rs.getString(2), rs.getLong(3), rs.getString(4))));
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot read the answers kept in " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void remove(long seq) {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM pending WHERE seq = ?")) {
            p.setLong(1, seq);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update " + file + ": " + e.getMessage(), e);
        }
    }

    /** How many answers (and results) wait for this server. */
    synchronized int[] pending() {
        int answers = 0;
        int results = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT kind, body FROM pending WHERE server = ?")) {
            p.setString(1, server);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals("answers")) {
                        answers += JSON.readTree(rs.getString(2)).get("answers").size();
                    } else {
                        results++;
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot read the answers kept in " + file + ": " + e.getMessage(), e);
        }
        return new int[] {answers, results};
    }

    synchronized boolean isEmpty() {
        return oldest().isEmpty();
    }

    @Override
    public synchronized void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing more to write
        }
    }

    private static String body(Item item) {
        ObjectNode o = JSON.createObjectNode();
        if (item instanceof Answers a) {
            ArrayNode list = o.putArray("answers");
            for (int i = 0; i < a.answers().size(); i++) {
                list.add(answer(a.answers().get(i), a.keys().get(i)));
            }
        } else if (item instanceof Finish f) {
            o.put("score", f.score()).put("passed", f.passed()).put("criteria", f.criteriaJson())
                    .put("xp_offered", f.xpOffered()).put("finished_at", f.finishedAt().toString());
        }
        return o.toString();
    }

    private static ObjectNode answer(AnswerRecord a, String key) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", key).put("step", a.step()).put("question", a.questionJson()).put("response", a.responseJson());
        a.correct().ifPresent(v -> o.put("correct", v));
        a.error().ifPresent(v -> o.put("error", v));
        a.errorUnit().ifPresent(v -> o.put("error_unit", v));
        o.put("response_ms", a.responseMillis()).put("plays_a", a.playsA()).put("plays_b", a.playsB())
                .put("points", a.points()).put("max_points", a.maxPoints()).put("answered_at", a.answeredAt().toString());
        a.columns().ifPresent(q -> {
            ObjectNode c = o.putObject("columns");
            c.put("exercise", q.exercise()).put("family", q.family()).put("listened", q.listened()).put("timed", q.timed());
            double[] v = {q.difficulty(), q.truth(), q.response(), q.bandHz(), q.gainDb(), q.q(), q.levelDb(), q.pan(),
                    q.ratio(), q.thresholdDb(), q.attackMs(), q.releaseMs()};
            ArrayNode values = c.putArray("values");
            for (double d : v) {
                if (Double.isFinite(d)) {
                    values.add(d);
                } else {
                    values.addNull();
                }
            }
        });
        return o;
    }

    private static Item item(String kind, long attemptId, String body) throws IOException {
        JsonNode o = JSON.readTree(body);
        if (kind.equals("finish")) {
            return new Finish(attemptId, o.get("score").asDouble(), o.get("passed").asBoolean(),
                    o.get("criteria").isNull() ? null : o.get("criteria").asText(), o.get("xp_offered").asInt(),
                    Instant.parse(o.get("finished_at").asText()));
        }
        List<AnswerRecord> answers = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (JsonNode a : o.get("answers")) {
            keys.add(a.get("key").asText());
            Optional<QuestionColumns> columns = Optional.empty();
            JsonNode c = a.get("columns");
            if (c != null) {
                double[] v = new double[12];
                for (int i = 0; i < 12; i++) {
                    JsonNode x = c.get("values").get(i);
                    v[i] = x == null || x.isNull() ? Double.NaN : x.asDouble();
                }
                columns = Optional.of(new QuestionColumns(text(c, "exercise"), text(c, "family"), v[0], v[1], v[2], v[3],
                        v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], c.get("listened").asBoolean(),
                        c.get("timed").asBoolean()));
            }
            answers.add(new AnswerRecord(a.get("step").asInt(), a.get("question").asText(), a.get("response").asText(),
                    a.has("correct") ? Optional.of(a.get("correct").asBoolean()) : Optional.empty(),
                    a.has("error") ? Optional.of(a.get("error").asDouble()) : Optional.empty(),
                    Optional.ofNullable(text(a, "error_unit")), a.get("response_ms").asLong(), a.get("plays_a").asInt(),
                    a.get("plays_b").asInt(), a.get("points").asDouble(), a.get("max_points").asDouble(),
                    Instant.parse(a.get("answered_at").asText()), columns));
        }
        return new Answers(attemptId, answers, keys);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
