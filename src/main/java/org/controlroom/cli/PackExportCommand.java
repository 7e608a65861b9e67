package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.lesson.pack.LessonLibrary;
import org.controlroom.lesson.pack.PackException;
import org.controlroom.lesson.pack.PackExport;
import org.controlroom.lesson.pack.PackManifest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pack export LESSON_ID... --out FILE.zip [--name NAME]}. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Writes the lessons, every sound file they use (a song with its stems and reference mix) and a "
                + "manifest (ids, titles, SHA-256 of every file, format version, pack name) into a zip.",
                "Lessons come from the lessons folder, the tutor's lessons and imported packs. An existing file is "
                        + "never written over."})
public final class PackExportCommand extends UsesLessonKinds implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LessonsDirOption lessonsDir;

    @Mixin
    DbOption db;

    @Parameters(index = "0", arity = "1..*", paramLabel = "LESSON_ID", description = "The lessons to pack (see 'lessons list').")
    List<String> ids;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "Where to write the pack.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The pack's name (default: the file's name; lower-case "
            + "letters, digits and '-'). Imported packs live in packs/NAME of the data folder.")
    String name;

    @Override
    public Integer call() {
        LessonLibrary library = lessonsDir.library(kinds, db.dataFolder());
        String packName = name != null ? name : defaultName(out);
        try {
            PackExport.Result r = new PackExport(library, Clock.systemUTC()).export(ids, packName, out);
            PrintWriter o = spec.commandLine().getOut();
            PackManifest m = r.manifest();
            o.printf(Locale.ROOT, "Wrote %s: pack '%s', %d %s, %d files, %.1f MB%n", Terminal.safe(r.zip().toString()),
                    m.name(), m.lessons().size(), m.lessons().size() == 1 ? "lesson" : "lessons", m.files().size(),
                    r.bytes() / 1e6);
            for (PackManifest.LessonEntry l : m.lessons()) {
                o.println("  " + l.id() + "  " + Terminal.safe(l.title()));
            }
            return ExitCodes.OK;
        } catch (PackException e) {
            throw new UserInputException(String.join(System.lineSeparator(), e.problems()));
        }
    }

    /** "Week 3 Mixing.zip" → "week-3-mixing". */
    static String defaultName(Path out) {
        String base = out.getFileName().toString().replaceFirst("(?i)\\.zip$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return base.isEmpty() ? "pack" : base.substring(0, Math.min(64, base.length()));
    }
}
