package org.controlroom.store.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store test run once on each backend: SQLite (a fresh file) and PostgreSQL (a fresh schema on the
 * server named by {@value Backend#PG_ENV}). The test method takes a {@link Backend} parameter. Without a
 * server the PostgreSQL run is skipped, saying how to run it; with {@value Backend#PG_REQUIRED_ENV}=1 (as
 * {@code .ci/run} sets) a missing server fails it instead.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothBackends.class)
public @interface StoreTest {
}
