package org.controlroom.lesson.practice;

/** An attempt cannot start; the message says why and what to do. */
public final class PracticeException extends RuntimeException {

    public PracticeException(String message) {
        super(message);
    }
}
