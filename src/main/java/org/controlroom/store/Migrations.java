package org.controlroom.store;

import java.util.List;

/**
 * The schema, one version at a time. Version N is reached by running migration N on a database at
 * version N−1 ({@code PRAGMA user_version} holds the version). Never edit a released migration: add one.
 */
final class Migrations {

    private Migrations() {
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
                    "CREATE INDEX answers_attempt ON answers (attempt_id, error_unit, correct, error)"));

    static int latest() {
        return STEPS.size();
    }
}
