package org.controlroom.lesson.career;

/** A career action that cannot be done, with a message for the user ("no career yet: run career start"). */
public class CareerException extends RuntimeException {
    public CareerException(String message) {
        super(message);
    }
}
