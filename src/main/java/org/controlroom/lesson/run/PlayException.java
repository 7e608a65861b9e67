package org.controlroom.lesson.run;

/** A lesson cannot be played as it stands (its sound file cannot be read...); the message says why. */
public class PlayException extends RuntimeException {
    public PlayException(String message, Throwable cause) {
        super(message, cause);
    }
}
