package org.controlroom.store.jdbc;

import java.util.List;

/**
 * The schema, one version at a time. Version N is reached by running migration N on a database at
 * version N−1 ({@code PRAGMA user_version} holds the version). Never edit a released migration: add one.
 *
 * <p>v4 marks the file as Control Room's ({@code PRAGMA application_id}), keeps the content hash of the
 * lesson played with each attempt, and moves XP into {@code xp_awards}: one row per learner, lesson and
 * lesson content, its primary key the rule that only the first pass earns XP however many processes pass
 * at once. {@code career_state.xp} from then on holds only the XP earned before v4 (kept, never
 * recomputed). {@code lesson_results} is no longer written: results are read from the attempts, so only
 * attempts at content the catalogue holds count. Sessions in progress live in {@code sessions}.
 * v5 adds {@code music_library}: each learner's "My music" paths.
 * v6 keeps each drill question's parameters and the response in columns of {@code answers} (so
 * confusion and threshold queries are plain SQL), with the drill family and staircase level it was
 * asked at and whether it was heard (A and B played) and timed; {@code attempts.replay} marks a
 * {@code --seed} replay (no XP, no threshold) and {@code attempts.timed} whether its answers may
 * score speed. Answers stored before v6 get their columns from their question JSON.
 * v8 gives attempts and answers a {@code client_key} (unique; NULL for rows from before v8): the
 * writing computer's key, so an answer or attempt sent twice over a classroom server's lost connection, or
 * once more from the outbox, is stored once; and an index the gradebook reads its per-attempt totals from.
 * v7 adds tutor mode: {@code tutor} (one row: the PIN's PBKDF2 record, never the PIN, and the count of
 * wrong PINs since the last right one), {@code classes} (names unique by their case-folded
 * {@code name_key}), {@code class_members}, {@code assignments} (for a class or a learner, a due time
 * and an optional pass mark) and {@code assignment_lessons} (an assignment's lessons in order). Its SQL
 * is standard: PostgreSQL runs it as written but for the {@code INTEGER PRIMARY KEY} ids, which it
 * generates as identity columns.
 * v9 adds career mode's log, {@code career_actions}: one row per action of a learner's career (start with
 * its seed, take, decline, deliver with the attempt and its score, week, switch), numbered by {@code seq};
 * the career's state is the replay of these rows, never stored beside them.
 */
public final class Schema {

    /** {@code PRAGMA application_id} of a Control Room SQLite file: "CtRm". */
    public static final int APPLICATION_ID = 0x4374526D;

    private Schema() {
    }

    /** v6: the columns of answers stored before v6, from their question JSON (json_extract is SQLite's JSON1). */
    static final String V6_FROM_JSON = """
                    UPDATE answers SET
                        exercise = json_extract(question_json, '$.exercise'),
                        truth = json_extract(question_json, '$.answer'),
                        response = json_extract(response_json, '$.answer'),
                        band_hz = CASE json_extract(question_json, '$.exercise')
                            WHEN 'eq-frequency' THEN json_extract(question_json, '$.answer')
                            ELSE json_extract(question_json, '$.frequency_hz') END,
                        gain_db = CASE json_extract(question_json, '$.exercise')
                            WHEN 'eq-gain' THEN json_extract(question_json, '$.answer')
                            ELSE json_extract(question_json, '$.gain_db') END,
                        q = json_extract(question_json, '$.q'),
                        level_db = CASE json_extract(question_json, '$.exercise')
                            WHEN 'level' THEN json_extract(question_json, '$.answer') END,
                        pan = CASE json_extract(question_json, '$.exercise')
                            WHEN 'pan' THEN json_extract(question_json, '$.answer') END,
                        ratio = CASE json_extract(question_json, '$.exercise')
                            WHEN 'compression' THEN json_extract(question_json, '$.answer') END,
                        threshold_db = json_extract(question_json, '$.threshold_db'),
                        listened = CASE WHEN plays_a > 0 AND plays_b > 0 THEN 1 ELSE 0 END
                    WHERE json_valid(question_json) AND json_valid(response_json)
                        AND json_extract(question_json, '$.exercise') IS NOT NULL""";

    /**
     * The statements PostgreSQL says in its own words (JSON), keyed by the SQLite statement they stand for;
     * the rest is translated by {@link Dialect#ddl}. {@code cr_json} reads a JSON text that may be damaged
     * (SQLite's {@code json_valid}) and {@code cr_num} a member that may not be a number.
     */
    static final java.util.Map<String, String> POSTGRES_OWN = java.util.Map.of(V6_FROM_JSON.strip(), """
            CREATE OR REPLACE FUNCTION pg_temp.cr_json(t text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $f$
            BEGIN RETURN t::jsonb; EXCEPTION WHEN others THEN RETURN NULL; END $f$;
            CREATE OR REPLACE FUNCTION pg_temp.cr_num(j jsonb, k text) RETURNS double precision LANGUAGE sql IMMUTABLE AS $f$
            SELECT CASE WHEN jsonb_typeof(j -> k) = 'number' THEN (j ->> k)::double precision END $f$;
            UPDATE answers SET
                exercise = pg_temp.cr_json(question_json) ->> 'exercise',
                truth = pg_temp.cr_num(pg_temp.cr_json(question_json), 'answer'),
                response = pg_temp.cr_num(pg_temp.cr_json(response_json), 'answer'),
                band_hz = CASE pg_temp.cr_json(question_json) ->> 'exercise'
                    WHEN 'eq-frequency' THEN pg_temp.cr_num(pg_temp.cr_json(question_json), 'answer')
                    ELSE pg_temp.cr_num(pg_temp.cr_json(question_json), 'frequency_hz') END,
                gain_db = CASE pg_temp.cr_json(question_json) ->> 'exercise'
                    WHEN 'eq-gain' THEN pg_temp.cr_num(pg_temp.cr_json(question_json), 'answer')
                    ELSE pg_temp.cr_num(pg_temp.cr_json(question_json), 'gain_db') END,
                q = pg_temp.cr_num(pg_temp.cr_json(question_json), 'q'),
                level_db = CASE pg_temp.cr_json(question_json) ->> 'exercise'
                    WHEN 'level' THEN pg_temp.cr_num(pg_temp.cr_json(question_json), 'answer') END,
                pan = CASE pg_temp.cr_json(question_json) ->> 'exercise'
                    WHEN 'pan' THEN pg_temp.cr_num(pg_temp.cr_json(question_json), 'answer') END,
                ratio = CASE pg_temp.cr_json(question_json) ->> 'exercise'
                    WHEN 'compression' THEN pg_temp.cr_num(pg_temp.cr_json(question_json), 'answer') END,
                threshold_db = pg_temp.cr_num(pg_temp.cr_json(question_json), 'threshold_db'),
                listened = CASE WHEN plays_a > 0 AND plays_b > 0 THEN 1 ELSE 0 END
            WHERE pg_temp.cr_json(question_json) IS NOT NULL AND pg_temp.cr_json(response_json) IS NOT NULL
                AND pg_temp.cr_json(question_json) ->> 'exercise' IS NOT NULL""");

    /** Migration {@code i} takes the schema from version {@code i} to {@code i + 1}. */
    static final List<List<String>> STEPS = List.of(
            // v1: learners, attempts and every answer
            List.of("""
                    CREATE TABLE learners (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        created_at TEXT NOT NULL)""",
                    "CREATE UNIQUE INDEX learners_name ON learners (name COLLATE NOCASE)",
                    """
                    CREATE TABLE attempts (
                        id INTEGER PRIMARY KEY,
                        learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
                        lesson_id TEXT NOT NULL,
                        lesson_file TEXT NOT NULL,
                        seed INTEGER NOT NULL,
                        started_at TEXT NOT NULL,
                        finished_at TEXT,
                        score REAL,
                        passed INTEGER)""",
                    """
                    CREATE TABLE answers (
                        id INTEGER PRIMARY KEY,
                        attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
                        step INTEGER NOT NULL,
                        question_json TEXT NOT NULL,
                        response_json TEXT NOT NULL,
                        correct INTEGER,
                        error REAL,
                        error_unit TEXT,
                        response_ms INTEGER NOT NULL,
                        plays_a INTEGER NOT NULL,
                        plays_b INTEGER NOT NULL,
                        answered_at TEXT NOT NULL)"""),
            // v2: points per answer, the attempt's breakdown, lesson results and career state
            List.of("ALTER TABLE answers ADD COLUMN points REAL NOT NULL DEFAULT 0",
                    "ALTER TABLE answers ADD COLUMN max_points REAL NOT NULL DEFAULT 0",
                    "ALTER TABLE attempts ADD COLUMN criteria_json TEXT",
                    "ALTER TABLE attempts ADD COLUMN xp_earned INTEGER NOT NULL DEFAULT 0",
                    """
                    CREATE TABLE lesson_results (
                        learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
                        lesson_id TEXT NOT NULL,
                        best_score REAL NOT NULL,
                        passed INTEGER NOT NULL,
                        attempts INTEGER NOT NULL,
                        first_passed_at TEXT,
                        PRIMARY KEY (learner_id, lesson_id))""",
                    """
                    CREATE TABLE career_state (
                        learner_id INTEGER PRIMARY KEY REFERENCES learners (id) ON DELETE CASCADE,
                        xp INTEGER NOT NULL DEFAULT 0,
                        updated_at TEXT NOT NULL)""",
                    """
                    INSERT INTO lesson_results (learner_id, lesson_id, best_score, passed, attempts, first_passed_at)
                    SELECT learner_id, lesson_id, MAX(score), MAX(COALESCE(passed, 0)), COUNT(*),
                           MIN(CASE WHEN passed = 1 THEN finished_at END)
                    FROM attempts WHERE finished_at IS NOT NULL GROUP BY learner_id, lesson_id""",
                    "INSERT INTO career_state (learner_id, xp, updated_at) SELECT id, 0, created_at FROM learners"),
            // v3: indexes for the progress query
            List.of("CREATE INDEX attempts_learner ON attempts (learner_id, lesson_id)",
                    "CREATE INDEX answers_attempt ON answers (attempt_id, error_unit, correct, error)"),
            // v4: Control Room's mark, the lesson content played, first-pass XP as a uniqueness rule, sessions
            List.of("PRAGMA application_id = " + APPLICATION_ID,
                    "ALTER TABLE attempts ADD COLUMN lesson_hash TEXT",
                    """
                    CREATE TABLE xp_awards (
                        learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
                        lesson_id TEXT NOT NULL,
                        lesson_hash TEXT NOT NULL,
                        attempt_id INTEGER REFERENCES attempts (id) ON DELETE SET NULL,
                        xp INTEGER NOT NULL,
                        awarded_at TEXT NOT NULL,
                        PRIMARY KEY (learner_id, lesson_id, lesson_hash))""",
                    // lessons passed before v4: their XP is in career_state.xp; this row keeps a new pass from
                    // earning it again ('' = content not recorded)
                    """
                    INSERT INTO xp_awards (learner_id, lesson_id, lesson_hash, attempt_id, xp, awarded_at)
                    SELECT learner_id, lesson_id, '', NULL, 0, COALESCE(first_passed_at, '')
                    FROM lesson_results WHERE passed = 1""",
                    """
                    CREATE TABLE sessions (
                        learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
                        lesson_id TEXT NOT NULL,
                        lesson_hash TEXT NOT NULL,
                        plan_yaml TEXT NOT NULL,
                        saved_at TEXT NOT NULL,
                        PRIMARY KEY (learner_id, lesson_id))"""),
            // v5: "My music", the files and folders each learner added, in the order added
            List.of("""
                    CREATE TABLE music_library (
                        id INTEGER PRIMARY KEY,
                        learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
                        path TEXT NOT NULL,
                        added_at TEXT NOT NULL,
                        UNIQUE (learner_id, path))"""),
            // v6: drill questions in columns, replays and untimed attempts marked
            List.of("ALTER TABLE attempts ADD COLUMN replay INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE attempts ADD COLUMN timed INTEGER NOT NULL DEFAULT 1",
                    "ALTER TABLE answers ADD COLUMN exercise TEXT",
                    "ALTER TABLE answers ADD COLUMN family TEXT",
                    "ALTER TABLE answers ADD COLUMN difficulty REAL",
                    "ALTER TABLE answers ADD COLUMN truth REAL",
                    "ALTER TABLE answers ADD COLUMN response REAL",
                    "ALTER TABLE answers ADD COLUMN band_hz REAL",
                    "ALTER TABLE answers ADD COLUMN gain_db REAL",
                    "ALTER TABLE answers ADD COLUMN q REAL",
                    "ALTER TABLE answers ADD COLUMN level_db REAL",
                    "ALTER TABLE answers ADD COLUMN pan REAL",
                    "ALTER TABLE answers ADD COLUMN ratio REAL",
                    "ALTER TABLE answers ADD COLUMN threshold_db REAL",
                    "ALTER TABLE answers ADD COLUMN attack_ms REAL",
                    "ALTER TABLE answers ADD COLUMN release_ms REAL",
                    "ALTER TABLE answers ADD COLUMN listened INTEGER",
                    "ALTER TABLE answers ADD COLUMN timed INTEGER",
                    // answers from before v6: what their question JSON says (json_extract is SQLite's JSON1)
                    V6_FROM_JSON,
                    "UPDATE answers SET family = exercise WHERE exercise IS NOT NULL",
                    "CREATE INDEX answers_family ON answers (family, exercise)"),
            // v7: tutor mode: the PIN record, classes and their learners, assignments and their lessons
            List.of("""
                    CREATE TABLE tutor (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        algorithm TEXT NOT NULL,
                        iterations INTEGER NOT NULL,
                        salt TEXT NOT NULL,
                        hash TEXT NOT NULL,
                        set_at TEXT NOT NULL,
                        failed_attempts INTEGER NOT NULL DEFAULT 0,
                        last_failed_at TEXT)""",
                    """
                    CREATE TABLE classes (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        name_key TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL,
                        archived_at TEXT)""",
                    """
                    CREATE TABLE class_members (
                        class_id INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
                        learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
                        added_at TEXT NOT NULL,
                        PRIMARY KEY (class_id, learner_id))""",
                    "CREATE INDEX class_members_learner ON class_members (learner_id)",
                    """
                    CREATE TABLE assignments (
                        id INTEGER PRIMARY KEY,
                        class_id INTEGER REFERENCES classes (id) ON DELETE CASCADE,
                        learner_id INTEGER REFERENCES learners (id) ON DELETE CASCADE,
                        due_at TEXT NOT NULL,
                        pass_mark REAL,
                        created_at TEXT NOT NULL,
                        CHECK ((class_id IS NULL AND learner_id IS NOT NULL)
                            OR (class_id IS NOT NULL AND learner_id IS NULL)),
                        CHECK (pass_mark IS NULL OR (pass_mark >= 0 AND pass_mark <= 100)))""",
                    "CREATE INDEX assignments_class ON assignments (class_id)",
                    "CREATE INDEX assignments_learner ON assignments (learner_id)",
                    """
                    CREATE TABLE assignment_lessons (
                        assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        lesson_id TEXT NOT NULL,
                        PRIMARY KEY (assignment_id, position))""",
                    "CREATE INDEX attempts_lesson ON attempts (lesson_id, learner_id)"),
            // v8: a key the writing computer gives each attempt and answer, so that one sent again (after a
            // lost connection, from the outbox) is stored once: INSERT ... ON CONFLICT (client_key) DO NOTHING
            List.of("ALTER TABLE attempts ADD COLUMN client_key TEXT",
                    "ALTER TABLE answers ADD COLUMN client_key TEXT",
                    "CREATE UNIQUE INDEX attempts_client_key ON attempts (client_key)",
                    "CREATE UNIQUE INDEX answers_client_key ON answers (client_key)",
                    // the gradebook's per-attempt count, time and last answer, read from the index alone
                    "CREATE INDEX answers_gradebook ON answers (attempt_id, response_ms, answered_at)"),
            // v9: career mode's action log, one row per action (the state is its replay)
            List.of("""
                    CREATE TABLE career_actions (
                        learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
                        seq INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        ref TEXT,
                        num INTEGER NOT NULL DEFAULT 0,
                        score REAL,
                        extra REAL,
                        acted_at TEXT NOT NULL,
                        PRIMARY KEY (learner_id, seq))"""));

    public static int latest() {
        return STEPS.size();
    }

    /**
     * The project's migration runner, the same on every database: the migrations after {@code from} up to
     * {@code to}, each in its own transaction with its {@linkplain Dialect#markVersion version mark} (so a failed migration leaves the
     * database at the version before it).
     */
    public static void migrate(java.sql.Connection c, int from, int to, Dialect dialect)
            throws java.sql.SQLException {
        for (int v = from; v < to; v++) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                for (String sql : migration(v + 1, dialect)) {
                    s.execute(sql);
                }
                dialect.markVersion(s, v + 1);
                c.commit();
            } catch (java.sql.SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The statements of migration {@code version} (1 = create v1) as {@code dialect} says them. */
    public static List<String> migration(int version, Dialect dialect) {
        List<String> out = new java.util.ArrayList<>();
        for (String statement : STEPS.get(version - 1)) {
            String said = dialect.ddl(statement);
            if (said != null) {
                out.add(said);
            }
        }
        return out;
    }
}
