package org.controlroom.cli;

/** A command that asks for the tutor PIN: {@link ControlRoomCommand}'s factory hands it where the PIN comes from. */
interface UsesTutorPin {
    void use(TutorPin pin);
}
