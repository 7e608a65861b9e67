package org.controlroom.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error and exit code 2: never a stack trace.
 * Set {@code CONTROL_ROOM_DEBUG=1} to see the stack trace as well.
 */
final class OneLineErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        if (ex instanceof org.controlroom.lesson.script.ScriptException se && !se.problems().isEmpty()) {
            // a plan or script with problems: one line for each, file:line:column: message
            se.problems().forEach(p -> cl.getErr().println("control-room: " + p.toString().replace('\n', ' ')));
            debug(ex, cl);
            return ExitCodes.USAGE;
        }
        cl.getErr().println("control-room: " + describe(ex));
        debug(ex, cl);
        return ExitCodes.USAGE;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println("control-room: " + ex.getMessage()
                + " (see: " + String.join(" ", commandPath(cl)) + " --help)");
        return ExitCodes.USAGE;
    }

    static String describe(Throwable ex) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException && t.getCause() != null) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "file not found: " + msg;
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + msg;
        }
        if (t instanceof IOException || t instanceof IllegalArgumentException
                || t instanceof IllegalStateException || t instanceof UserInputException
                || t instanceof org.controlroom.store.StoreException
                || t instanceof org.controlroom.lesson.practice.PracticeException
                || t instanceof org.controlroom.lesson.tutor.TutorException) {
            return msg.replace('\n', ' ');
        }
        return msg.replace('\n', ' ') + " (" + t.getClass().getSimpleName() + ")";
    }

    private static java.util.List<String> commandPath(CommandLine cl) {
        java.util.LinkedList<String> names = new java.util.LinkedList<>();
        for (CommandLine c = cl; c != null; c = c.getParent()) {
            names.addFirst(c.getCommandName());
        }
        return names;
    }

    private static void debug(Exception ex, CommandLine cl) {
        if ("1".equals(System.getenv("CONTROL_ROOM_DEBUG"))) {
            ex.printStackTrace(cl.getErr());
        }
    }
}
