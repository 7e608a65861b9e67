package org.controlroom.lesson.tutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.controlroom.store.LearnerStore;
import org.controlroom.store.PinRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TutorAuthTest {

    @TempDir
    Path dir;

    /** A clock the sleeper moves: waiting is recorded, not spent. */
    static final class FakeTime extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");
        final List<Duration> slept = new ArrayList<>();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void sleep(Duration d) {
            slept.add(d);
            now = now.plus(d);
        }
    }

    private LearnerStore open() {
        return LearnerStore.open(dir.resolve("cr.db"));
    }

    @Test
    void theStoredRecordIsAPbkdf2HashOfThePinWithARandomSaltAndNeverThePin() throws Exception {
        char[] pin = "4711-mix".toCharArray();
        try (LearnerStore store = open()) {
            new TutorAuth(store.tutor()).setFirstPin(pin.clone());
            PinRecord r = store.tutor().pin().orElseThrow();
            assertThat(r.algorithm()).isEqualTo("PBKDF2WithHmacSHA256");
            assertThat(r.iterations()).isGreaterThanOrEqualTo(210_000);
            byte[] salt = Base64.getDecoder().decode(r.salt());
            assertThat(salt).hasSize(16);
            // the hash, recomputed here with the JDK directly from the PIN and the stored salt
            byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(pin, salt, r.iterations(), 256)).getEncoded();
            assertThat(Base64.getDecoder().decode(r.hash())).isEqualTo(expected);
            assertThat(r.hash()).doesNotContain("4711").isNotEqualTo(new String(pin));
            // a second tutor database with the same PIN gets another salt, so another hash
            try (LearnerStore other = LearnerStore.open(dir.resolve("other.db"))) {
                new TutorAuth(other.tutor()).setFirstPin(pin.clone());
                assertThat(other.tutor().pin().orElseThrow().salt()).isNotEqualTo(r.salt());
                assertThat(other.tutor().pin().orElseThrow().hash()).isNotEqualTo(r.hash());
            }
        }
        // nowhere in the database file (or its journal) is the PIN
        for (String name : List.of("cr.db", "cr.db-wal")) {
            Path f = dir.resolve(name);
            if (Files.exists(f)) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).doesNotContain("4711-mix");
            }
        }
    }

    @Test
    void aWrongPinIsRefusedAndEachOneMakesTheNextCheckWaitLongerEvenAfterARestart() {
        FakeTime time = new FakeTime();
        try (LearnerStore store = open()) {
            TutorAuth auth = new TutorAuth(store.tutor(), time, time::sleep);
            auth.setFirstPin("right-pin".toCharArray());
            assertThat(auth.verify("wrong".toCharArray())).isFalse();
            assertThat(time.slept).as("the first try does not wait").isEmpty();
            assertThat(auth.waitBeforeNextTry()).isEqualTo(Duration.ofSeconds(1));
            assertThat(auth.verify("wrong".toCharArray())).isFalse();
            assertThat(auth.verify("wrong".toCharArray())).isFalse();
            assertThat(time.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(auth.failures()).isEqualTo(3);
        }
        // a new process (a restart) starts from the stored count, not from zero
        try (LearnerStore store = open()) {
            TutorAuth auth = new TutorAuth(store.tutor(), time, time::sleep);
            assertThat(auth.waitBeforeNextTry()).isEqualTo(Duration.ofSeconds(4));
            time.now = time.now.plusSeconds(1);
            assertThat(auth.waitBeforeNextTry()).as("time already waited counts").isEqualTo(Duration.ofSeconds(3));
            assertThat(auth.verify("right-pin".toCharArray())).as("the right PIN, after the wait").isTrue();
            assertThat(time.slept).last().isEqualTo(Duration.ofSeconds(3));
            assertThat(auth.failures()).as("a right PIN clears the count").isZero();
            assertThat(auth.waitBeforeNextTry()).isZero();
        }
    }

    @Test
    void theDelayDoublesUpToFiveMinutes() {
        assertThat(TutorAuth.delayAfter(0)).isZero();
        assertThat(TutorAuth.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TutorAuth.delayAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(TutorAuth.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(TutorAuth.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(TutorAuth.delayAfter(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void changingThePinNeedsTheOldOneAndSettingItTwiceIsRefused() {
        FakeTime time = new FakeTime();
        try (LearnerStore store = open()) {
            TutorAuth auth = new TutorAuth(store.tutor(), time, time::sleep);
            assertThat(auth.hasPin()).isFalse();
            assertThatThrownBy(() -> auth.require("1234".toCharArray(), "class add"))
                    .isInstanceOf(TutorException.class).hasMessageContaining("tutor set-pin");
            assertThatThrownBy(() -> auth.setFirstPin("123".toCharArray())).hasMessageContaining("at least 4");
            auth.setFirstPin("1234".toCharArray());
            assertThatThrownBy(() -> auth.setFirstPin("5678".toCharArray())).isInstanceOf(TutorException.class)
                    .hasMessageContaining("needs the old one");
            assertThatThrownBy(() -> auth.changePin("9999".toCharArray(), "5678".toCharArray()))
                    .isInstanceOf(TutorException.class).hasMessageContaining("wrong tutor PIN");
            assertThat(auth.verify("1234".toCharArray())).as("the old PIN still holds").isTrue();
            auth.changePin("1234".toCharArray(), "5678".toCharArray());
            assertThat(auth.verify("1234".toCharArray())).isFalse();
            assertThat(auth.verify("5678".toCharArray())).isTrue();
        }
    }
}
