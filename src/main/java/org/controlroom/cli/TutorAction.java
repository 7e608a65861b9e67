package org.controlroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.tutor.TutorDesk;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.LessonHashes;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A tutor command: opens the learner database, lets the tutor in with the PIN ({@link TutorPin}) or stops,
 * then does its work on a {@link TutorDesk}.
 */
abstract class TutorAction extends UsesLessonKinds implements Callable<Integer>, UsesTutorPin {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    private TutorPin pin = TutorPin.system();

    @Override
    public final void use(TutorPin p) {
        this.pin = p;
    }

    TutorPin pin() {
        return pin;
    }

    /** The command's name in messages ("class add"). */
    abstract String action();

    /** Whether this run needs the PIN (a learner's own view does not). */
    boolean needsPin() {
        return true;
    }

    abstract int run(TutorDesk desk, LearnerStore store, PrintWriter out) throws IOException;

    @Override
    public final Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try (LearnerStore store = db.open(err)) {
            if (needsPin()) {
                pin.require(store, action(), err);
            }
            return run(new TutorDesk(store, Clock.systemUTC()), store, spec.commandLine().getOut());
        }
    }

    /** The catalogue's lesson content (what counts, and which lesson ids exist). */
    static LessonHashes hashes(LessonCatalog catalog) {
        return LessonHashes.of(catalog.lessons(), Lesson::id, Lesson::contentHash);
    }

    /** Writes a file whole (a temporary file moved into place), so a failure leaves no half file. */
    interface Body {
        void write(Writer w) throws IOException;
    }

    static void writeFile(Path file, String option, Body body) throws IOException {
        if (Files.isDirectory(file)) {
            throw new UserInputException(option + " " + file + " is a folder; give a file name");
        }
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UserInputException(option + " " + file + ": the folder " + folder + " does not exist");
        }
        Path tmp = Files.createTempFile(folder, "." + target.getFileName(), ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
