package org.controlroom.lesson.tutor;

/** A tutor action was refused or could not be done; the message says why and what to do. */
public final class TutorException extends RuntimeException {

    public TutorException(String message) {
        super(message);
    }
}
