package org.controlroom.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
public final class CliHarness {

    /** Exit code and captured output of one run. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliHarness() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ControlRoomCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs with this environment for the tutor PIN and no terminal to ask on. */
    public static Result run(java.util.Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ControlRoomCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                new TutorPin(env, java.util.Optional::empty), args);
        return new Result(code, out.toString(), err.toString());
    }
}
