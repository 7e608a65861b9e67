package org.controlroom.dsp.play;

/**
 * Audio cannot be played on this computer (no output device, device busy, or not permitted).
 * The message says what happened and what to do; rendering to a WAV file still works.
 */
public class PlaybackUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public PlaybackUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
