package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.controlroom.lesson.pack.LessonLibrary;
import org.controlroom.lesson.pack.PackException;
import org.controlroom.lesson.pack.PackImport;
import org.controlroom.lesson.pack.PackLimits;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.store.LearnerStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pack import FILE.zip [--on-clash rename|skip]}: a tutor action. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Checks a pack in full and imports it into packs/NAME of the data folder (beside the learner "
                + "database), whole or not at all.",
                "Refused: entries with '..', absolute paths or links; more than 2000 files; more than 500 MB unpacked;"
                        + " a compression ratio over 100:1; a checksum that does not match; a lesson that does not load;"
                        + " audio that does not decode.",
                "A lesson id the catalogue already has is renamed (ID-2) or skipped as --on-clash says; without it the "
                        + "import is refused and nothing is written.",
                "A tutor action: the tutor's PIN comes from CONTROL_ROOM_TUTOR_PIN, else it is asked for."})
public final class PackImportCommand extends UsesLessonKinds implements Callable<Integer>, UsesTutorPin {

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

    @Parameters(index = "0", paramLabel = "FILE.zip", description = "The pack to import.")
    Path zip;

    @Option(names = "--on-clash", paramLabel = "rename|skip", description = "What to do with a lesson id that is already "
            + "in the catalogue: rename it (ID-2) or skip it.")
    String onClash;

    @Override
    public Integer call() {
        Optional<PackImport.OnClash> clash = Optional.ofNullable(onClash).map(c -> switch (c.toLowerCase(Locale.ROOT)) {
            case "rename" -> PackImport.OnClash.RENAME;
            case "skip" -> PackImport.OnClash.SKIP;
            default -> throw new UserInputException("--on-clash must be rename or skip, not '" + c + "'");
        });
        PrintWriter err = spec.commandLine().getErr();
        Path data = db.dataFolder().orElseThrow(() -> new UserInputException("the learner database " + db.location().describe()
                + " has no folder to keep packs in"));
        try (LearnerStore store = db.open(err)) {
            pin.requireOnceSetOrSay(store, "import a lesson pack", err);
        }
        LessonLibrary library = lessonsDir.library(kinds, Optional.of(data));
        try {
            PackImport.Result r = new PackImport(new LessonLoader(kinds.formats()), library, data, PackLimits.STANDARD,
                    Clock.systemUTC()).importPack(zip, clash);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Imported pack '" + r.pack() + "' into " + Terminal.safe(r.folder().toString()) + ": "
                    + r.imported().size() + (r.imported().size() == 1 ? " lesson" : " lessons"));
            for (String id : r.imported()) {
                out.println("  " + id);
            }
            r.renamed().forEach((from, to) -> out.println("  renamed " + from + " -> " + to + " (the id was taken)"));
            for (String id : r.skipped()) {
                out.println("  skipped " + id + " (the id was taken)");
            }
            return ExitCodes.OK;
        } catch (PackException e) {
            for (String p : e.problems()) {
                err.println(Terminal.safe(p));
            }
            err.println("control-room: the pack was not imported; nothing was written");
            return e instanceof org.controlroom.lesson.pack.PackClashException ? ExitCodes.USAGE : ExitCodes.INVALID;
        }
    }
}
