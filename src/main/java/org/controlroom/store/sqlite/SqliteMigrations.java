package org.controlroom.store.sqlite;

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
 * v7 adds tutor mode: {@code tutor} (one row: the PIN's PBKDF2 record, never the PIN, and the count of
 * wrong PINs since the last right one), {@code classes} (names unique by their case-folded
 * {@code name_key}), {@code class_members}, {@code assignments} (for a class or a learner, a due time
 * and an optional pass mark) and {@code assignment_lessons} (an assignment's lessons in order). Its SQL
 * is standard: PostgreSQL runs it as written but for the {@code INTEGER PRIMARY KEY} ids, which it
 * generates as identity columns.
 */
final class SqliteMigrations {

    private SqliteMigrations() {
    }

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
            List.of("PRAGMA application_id = " + SqliteDatabase.APPLICATION_ID,
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
                    """
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
                        AND json_extract(question_json, '$.exercise') IS NOT NULL""",
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
                    "CREATE INDEX attempts_lesson ON attempts (lesson_id, learner_id)"));

    static int latest() {
        return STEPS.size();
    }
}
