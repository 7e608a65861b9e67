package org.controlroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.controlroom.lesson.pack.LessonLibrary;
import org.controlroom.lesson.pack.PackException;
import org.controlroom.lesson.pack.TutorLessons;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.store.LearnerStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lessons save FILE [--as NAME.yaml]}: a tutor action that adds a lesson to the tutor's lessons folder. */
@Command(name = "save",
        mixinStandardHelpOptions = true,
        description = {"Checks a lesson script and saves it into the tutor's lessons folder (lessons/ in the data folder,"
                + " beside the learner database), which the catalogue loads beside the shipped lessons.",
                "Never writes over a file or adds an id already in the catalogue. Its assets must be found from that "
                        + "folder or in audio-assets.",
                "A tutor action: the tutor's PIN comes from CONTROL_ROOM_TUTOR_PIN, else it is asked for."})
public final class LessonsSaveCommand extends UsesLessonKinds implements Callable<Integer>, UsesTutorPin {

    private TutorPin pin = TutorPin.system();

    @Override
    public void use(TutorPin p) {
        this.pin = p;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    LessonsDirOption lessonsDir;

    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "FILE", description = "The lesson script to save.")
    Path file;

    @Option(names = "--as", paramLabel = "NAME.yaml", description = "The file name in the tutor's folder (default: FILE's name).")
    String as;

    @Override
    public Integer call() {
        String text = read(file);
        PrintWriter err = spec.commandLine().getErr();
        Path data = db.dataFolder().orElseThrow(() -> new UserInputException("the learner database " + db.location().describe()
                + " has no folder to keep lessons in"));
        try (LearnerStore store = db.open(err)) {
            pin.requireOnceSetOrSay(store, "save a lesson into the tutor's lessons", err);
        }
        LessonLibrary library = lessonsDir.library(kinds, Optional.of(data));
        TutorLessons tutor = new TutorLessons(new LessonLoader(kinds.formats()), library, data, lessonsDir.assetsDir());
        try {
            Lesson l = tutor.save(as != null ? as : file.getFileName().toString(), text);
            spec.commandLine().getOut().println("Saved '" + l.id() + "' as " + Terminal.safe(l.file().toString()));
            return ExitCodes.OK;
        } catch (PackException e) {
            e.problems().forEach(p -> err.println(Terminal.safe(p)));
            err.println("control-room: not saved");
            return ExitCodes.INVALID;
        }
    }

    /** A script's text (UTF-8), or a one-line error naming the file. */
    static String read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new UserInputException(file + ": no such file");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }
}
