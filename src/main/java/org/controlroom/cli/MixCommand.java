package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.mix.OfflineRenderer;
import org.controlroom.lesson.run.LessonKindPlugin;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.PlanFile;
import org.controlroom.lesson.session.InTheMix;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.SessionSound;
import org.controlroom.lesson.session.SoundLibrary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mix LESSON_ID [--plan FILE] --out FILE.wav}: renders what a session would sound like. */
@Command(name = "mix", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Renders a session lesson (mix, arrange, takes) as a plan file sets it, to a WAV file.",
                "Without --plan: the lesson's starting state. The plan's shape is in DESIGN.md / the README."})
public final class MixCommand extends UsesLessonKinds implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LessonsDirOption lessonsDir;

    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "LESSON_ID", description = "The session lesson (see 'lessons list').")
    String lessonId;

    @Option(names = "--plan", paramLabel = "FILE", description = "The learner's work, as a plan file.")
    Path planFile;

    @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "Where to write the render (32-bit float WAV).")
    Path out;

    @Option(names = "--in-mix", description = {"A takes lesson: the comp over the song's other stems at their balances,",
            "as the takes screen's In the mix plays it (default: the comp alone)."})
    boolean inMix;


    @Override
    public Integer call() throws AudioFileException {
        LessonCatalog catalog = lessonsDir.library(kinds, db.dataFolder()).catalog();
        Lesson lesson = catalog.lesson(lessonId).orElseThrow(() -> new UserInputException("no lesson '" + lessonId
                + "' (see 'lessons list'; a lesson with errors is left out: 'lessons validate')"));
        LessonKindPlugin kind = kinds.kind(lesson.kind());
        LessonSession session = kind.newSession(lesson).orElseThrow(() -> new UserInputException("'" + lesson.title()
                + "' is " + Words.withArticle(lesson.kind().id()) + " lesson, played step by step: it has no session to render"));
        if (planFile != null) {
            session.load(new PlanFile(kinds.formats()).read(planFile, lesson));
        }
        InTheMix mixable = null;
        if (inMix) {
            if (!(session instanceof InTheMix m)) {
                throw new UserInputException("--in-mix plays a lesson's takes over the rest of its song; '" + lesson.title()
                        + "' is " + Words.withArticle(lesson.kind().id()) + " lesson (leave --in-mix out)");
            }
            m.whyNotInTheMix().ifPresent(why -> {
                throw new UserInputException("--in-mix: '" + lesson.title() + "' cannot be heard in the mix: " + why);
            });
            mixable = m;
        }
        refuseReplacingLessonFiles(lesson);
        PrintWriter talk = spec.commandLine().getErr();
        try (SessionSound sound = session.sound(new SoundLibrary(), 1024)) {
            if (mixable != null) {
                mixable.hearInTheMix(sound.mixer().sampleRate(), (done, of, stem) -> {
                    if (done < of) {
                        talk.printf(Locale.ROOT, "decoding the backing: %s (%d of %d stems)%n", stem, done + 1, of);
                        talk.flush();
                    }
                });
            }
            long frames = sound.frames();
            double rate = sound.mixer().sampleRate();
            new OfflineRenderer().renderToWav(sound.mixer(), frames, out, done -> { });
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%.1f s at %.0f Hz)%n", out, frames / rate, rate);
        }
        talk.flush();
        return ExitCodes.OK;
    }

    /**
     * The lessons' own sounds are inputs: an existing file in the lessons folder, the lesson's folder
     * or audio-assets/ (by any spelling or link) is never replaced by a render.
     */
    private void refuseReplacingLessonFiles(Lesson lesson) {
        if (!java.nio.file.Files.exists(out)) {
            return;
        }
        try {
            Path real = out.toRealPath();
            for (Path root : new Path[] {lessonsDir.lessonsDir(), lessonsDir.assetsDir(), lesson.file().getParent()}) {
                if (java.nio.file.Files.isDirectory(root) && real.startsWith(root.toRealPath())) {
                    throw new UserInputException(out + " is a file of the lessons (" + real + "); a render never "
                            + "replaces a lesson's sounds: give --out another name");
                }
            }
        } catch (java.io.IOException e) {
            throw new UserInputException(out + " cannot be checked before writing (" + e.getMessage() + ")");
        }
    }
}
