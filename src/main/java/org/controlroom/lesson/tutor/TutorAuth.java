package org.controlroom.lesson.tutor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.controlroom.store.PinFailures;
import org.controlroom.store.PinRecord;
import org.controlroom.store.TutorRepository;

/**
 * The tutor's PIN (or passphrase): set once, changed only with the old one, checked before every tutor
 * action. Wrong PINs are slowed down: after {@code n} wrong ones in a row the next check waits
 * {@link #delayAfter(int) 2^(n-1) seconds} (at most {@link #MAX_DELAY}) from the last wrong one. The count
 * lives in the database, so neither a restart nor a second process resets it; a right PIN clears it.
 */
public final class TutorAuth {

    /** PINs and passphrases are at least this long. */
    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 256;
    public static final Duration MAX_DELAY = Duration.ofMinutes(5);

    /** Waits; a test passes one that records the wait and moves its clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final TutorRepository repository;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PinHasher hasher;

    public TutorAuth(TutorRepository repository) {
        this(repository, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    public TutorAuth(TutorRepository repository, Clock clock, Sleeper sleeper) {
        this.repository = repository;
        this.clock = clock;
        this.sleeper = sleeper;
        this.hasher = new PinHasher();
    }

    /** Whether a tutor has set a PIN (until then, nothing is tutor-only). */
    public boolean hasPin() {
        return repository.pin().isPresent();
    }

    /** How long a wrong PIN makes the next check wait: 0 before any, then 1 s, 2 s, 4 s, … up to {@link #MAX_DELAY}. */
    public static Duration delayAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long seconds = failures > 20 ? Long.MAX_VALUE : 1L << (failures - 1);
        return seconds >= MAX_DELAY.toSeconds() ? MAX_DELAY : Duration.ofSeconds(seconds);
    }

    /** How long until the next PIN may be checked (zero when it may be now). */
    public Duration waitBeforeNextTry() {
        PinFailures f = repository.failures();
        if (f.count() == 0 || f.lastFailedAt().isEmpty()) {
            return Duration.ZERO;
        }
        Instant allowed = f.lastFailedAt().get().plus(delayAfter(f.count()));
        Duration left = Duration.between(clock.instant(), allowed);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Wrong PINs in a row so far. */
    public int failures() {
        return repository.failures().count();
    }

    /**
     * Checks a PIN: first waits out the slowdown earned by earlier wrong PINs, then compares. A wrong PIN is
     * counted (so the next check waits longer); a right one clears the count.
     *
     * @throws TutorException when no tutor PIN is set, or the wait was interrupted
     */
    public boolean verify(char[] pin) {
        PinRecord record = repository.pin().orElseThrow(() -> new TutorException(
                "no tutor PIN is set yet; set one with: control-room tutor set-pin"));
        Duration wait = waitBeforeNextTry();
        if (!wait.isZero()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TutorException("the PIN check was interrupted; nothing was changed");
            }
        }
        if (pin != null && PinHasher.matches(pin, record)) {
            if (repository.failures().count() > 0) {
                repository.clearFailures();
            }
            return true;
        }
        repository.recordFailure(clock.instant());
        return false;
    }

    /**
     * Checks a PIN and refuses the action when it is wrong.
     *
     * @throws TutorException naming the action, when no PIN is set or the PIN is wrong
     */
    public void require(char[] pin, String action) {
        if (!hasPin()) {
            throw new TutorException(action + " is for the tutor, and no tutor PIN is set yet; set one first with:"
                    + " control-room tutor set-pin");
        }
        if (!verify(pin)) {
            Duration next = waitBeforeNextTry();
            throw new TutorException("wrong tutor PIN; " + action + " was refused"
                    + (next.isZero() ? "" : " (the next try waits " + seconds(next) + ")"));
        }
    }

    /**
     * Sets the first PIN.
     *
     * @throws TutorException when a PIN is set already (change it with the old one), or the new one is too short
     */
    public void setFirstPin(char[] newPin) {
        if (hasPin()) {
            throw new TutorException("a tutor PIN is set already; changing it needs the old one");
        }
        repository.setPin(hasher.hash(checked(newPin), clock.instant()));
    }

    /**
     * Changes the PIN: the old one is checked (with the slowdown) first.
     *
     * @throws TutorException when the old PIN is wrong or the new one is too short or long
     */
    public void changePin(char[] oldPin, char[] newPin) {
        checked(newPin);
        require(oldPin, "changing the tutor PIN");
        repository.setPin(hasher.hash(newPin, clock.instant()));
    }

    private static char[] checked(char[] pin) {
        if (pin == null || pin.length < MIN_LENGTH) {
            throw new TutorException("a tutor PIN or passphrase has at least " + MIN_LENGTH + " characters");
        }
        if (pin.length > MAX_LENGTH) {
            throw new TutorException("a tutor PIN or passphrase has at most " + MAX_LENGTH + " characters");
        }
        for (char ch : pin) {
            if (Character.isISOControl(ch)) {
                throw new TutorException("a tutor PIN cannot hold control characters (such as tabs or line breaks)");
            }
        }
        return pin;
    }

    static String seconds(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return s == 1 ? "1 second" : s + " seconds";
    }
}
