package org.controlroom.lesson.session;

import java.util.Optional;

import org.controlroom.dsp.io.AudioFileException;

/**
 * A session whose parts can be heard over the rest of their song (a takes lesson's takes over the
 * song's other stems), so the command line and screens ask the session, not its kind.
 */
public interface InTheMix {

    /** Why it cannot be heard in the mix; empty when it can. */
    Optional<String> whyNotInTheMix();

    /** Decodes what it plays over at {@code rate} and switches it on (slow: off the event thread). */
    void hearInTheMix(double rate, TakesBacking.Progress progress) throws AudioFileException;

    /** Whether it is heard in the mix now. */
    boolean inMix();
}
