package org.controlroom.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.dsp.play.PlaybackUnavailableException;
import org.controlroom.lesson.music.MusicEntry;
import org.controlroom.lesson.music.MusicExcerpt;
import org.controlroom.lesson.music.MyMusic;
import org.controlroom.lesson.music.MyMusicDrill;
import org.controlroom.lesson.practice.DrillSound;
import org.controlroom.lesson.practice.LessonService;
import org.controlroom.lesson.practice.Practice;
import org.controlroom.lesson.practice.PracticeController;
import org.controlroom.lesson.run.AttemptFinished;
import org.controlroom.lesson.run.Criterion;
import org.controlroom.lesson.run.LessonPlay;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.store.LearnerStore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scenario play LESSON_ID --learner NAME}: plays a lesson at the terminal through the same
 * practice controller as the window (the terminal is its view). A question lesson reads its answers
 * from standard input (or {@code --answers FILE}, one a line) and saves each the moment it is judged;
 * a session lesson (mix, arrange, takes) takes its work from {@code --plan FILE} and submits it. The
 * final score, its breakdown with the measured numbers, and the XP earned close the attempt;
 * {@code --json} prints them as JSON (prompts then go to standard error).
 */
@Command(name = "play",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Plays a lesson at the terminal and saves every answer as it is given.",
                "Answers: for a question, a choice's label or number (e.g. '1 kHz', '+3 dB', '#2'); "
                        + "for a decision, option ids separated by commas, or 'none'; for an eq-match question, each band"
                        + " as FREQ GAIN Q ('1.2k -6 1.4'), bands separated by commas.",
                "Session lessons (mix, arrange, takes) are played from a plan file: --plan FILE."})
public class ScenarioPlayCommand extends UsesLessonKinds implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LessonsDirOption lessonsDir;

    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "LESSON_ID", description = "The lesson to play (see 'lessons list').")
    String lessonId;

    @Option(names = "--learner", required = true, paramLabel = "NAME", description = "Who is playing (see 'learner list').")
    String learner;

    @Option(names = "--seed", paramLabel = "N", description = "Replay a particular attempt for review (default: a new"
            + " random seed each attempt); a replay earns no XP and moves no threshold.")
    Long seed;

    @Option(names = "--answers", paramLabel = "FILE", description = "Read answers from FILE, one a line, instead of standard input.")
    Path answersFile;

    @Option(names = "--plan", paramLabel = "FILE", description = "The work on a session lesson (mix, arrange, takes): a plan file.")
    Path planFile;

    @Option(names = "--json", description = "Print the result as JSON on standard output.")
    boolean json;

    @Option(names = "--audio-dir", paramLabel = "DIR", description = "Write each drill question's A and B as WAV files into DIR.")
    Path audioDir;

    @Option(names = "--no-sound", description = "Do not use the sound device (typing a or b still counts a listen).")
    boolean noSound;

    @Option(names = "--no-my-music", description = "Play the lesson's own sound even when the drill allows the"
            + " learner's music (see 'music add').")
    boolean noMyMusic;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter talk = json ? spec.commandLine().getErr() : out;
        org.controlroom.lesson.pack.LessonLibrary library = lessonsDir.library(kinds, db.dataFolder());
        LessonCatalog catalog = library.catalog();
        TerminalPracticeView view = new TerminalPracticeView(talk);
        try (LearnerStore store = db.open(spec.commandLine().getErr())) {
            Practice practice = new Practice(new LessonService(catalog, kinds, library.xpContent()), store.learners(), store.attempts(),
                    store.progress(), Optional.empty());
            List<MusicEntry> music = myMusic(store, catalog);
            Practice.Attempt attempt = start(practice, catalog, music, view);
            tellMusic(talk, attempt, music);
            attempt.runner().terms().untimed().ifPresent(why -> talk.println("(" + why
                    + ": speed counts only for answers given after listening to A and B)"));
            LessonRunner runner = attempt.runner();
            boolean session = runner.session().isPresent();
            if (session && planFile == null) {
                throw new UserInputException("'" + runner.lesson().title() + "' is " + Words.withArticle(runner.lesson().kind().id())
                        + " session: write your work in a plan file and pass --plan FILE (see 'mix "
                        + runner.lesson().id() + " --help'), or open it in the app");
            }
            if (!session && planFile != null) {
                throw new UserInputException("'" + runner.lesson().title() + "' is played step by step and takes no"
                        + " plan; give its answers on standard input or with --answers FILE");
            }
            if (session) {
                attempt.loadPlan(planFile);
            }
            DrillSound sound = noSound ? new SilentSound() : new DrillSound();
            try (PracticeController controller = new PracticeController(attempt, view, sound);
                 BufferedReader in = session && answersFile == null ? null : answers()) {
                controller.begin();
                if (session) {
                    view.clearError();
                    controller.submit();
                    if (view.lastError() != null) {
                        throw new UserInputException(view.lastError());
                    }
                }
                while (runner.state() != LessonRunner.State.FINISHED) {
                    Step step = runner.currentStep();
                    writeAudio(runner, step);
                    explore(runner, step, talk);
                    answer(controller, runner, step, in, view, talk);
                    controller.next();
                    if (view.lastError() != null && runner.state() == LessonRunner.State.FEEDBACK) {
                        throw new UserInputException(view.lastError());
                    }
                }
            }
            AttemptFinished result = runner.result().orElseThrow();
            if (json) {
                out.println(json(result, attempt));
            } else {
                runner.submissionSummary().ifPresent(s -> out.println("Measured: " + s));
                printResult(out, result, attempt);
                drillSummary(result).ifPresent(x -> printConfusion(out, x));
            }
            return ExitCodes.OK;
        }
    }

    /** Starts the attempt this command plays (a practice command starts a practice drill instead). */
    Practice.Attempt start(Practice practice, LessonCatalog catalog, List<MusicEntry> music, TerminalPracticeView view) {
        return practice.start(learner, lessonId, Optional.ofNullable(seed), Clock.systemUTC(), view::showError, music,
                untimed());
    }

    /**
     * Why this run's answers cannot score speed, if they cannot: answers read from a file (or piped in rather
     * than typed at a terminal) and answers given with the sound off were not timed against listening.
     */
    Optional<String> untimed() {
        if (answersFile != null) {
            return Optional.of("answers read from a file are not timed");
        }
        if (noSound) {
            return Optional.of("with the sound off, answers are not timed");
        }
        if (System.console() == null) {
            return Optional.of("answers not typed at a terminal are not timed");
        }
        return Optional.empty();
    }

    /**
     * The learner's music, checked now, when the lesson allows it and {@code --no-my-music} is not given;
     * else nothing (checking decodes every file, so it is done only when it can be used).
     */
    List<MusicEntry> myMusic(LearnerStore store, LessonCatalog catalog) {
        if (noMyMusic || catalog.lesson(lessonId).filter(MyMusicDrill::allowed).isEmpty()) {
            return List.of();
        }
        return store.learners().findByName(learner)
                .map(l -> store.music().list(l.id()))
                .filter(paths -> !paths.isEmpty())
                .map(MyMusic::scan)
                .orElse(List.of());
    }

    /** Says which of the learner's files plays and where, or why none of it could. */
    private static void tellMusic(PrintWriter talk, Practice.Attempt attempt, List<MusicEntry> music) {
        Optional<MusicExcerpt> x = attempt.myMusic();
        if (x.isPresent()) {
            talk.printf(Locale.ROOT, "Playing on your music: %s from %s (%.0f s excerpt, gain %+.1f dB)%n",
                    Terminal.safe(x.get().file().toString()), clock(x.get().startSeconds()), x.get().seconds(),
                    x.get().gainDb());
        } else if (!music.isEmpty()) {
            long usable = music.stream().filter(MusicEntry::usable).count();
            talk.println("None of your music could be used (" + usable + " of " + music.size() + " files playable"
                    + (usable > 0 ? ", none with a long enough stretch of sound" : "") + "); playing the lesson's own sound."
                    + " See: music list --learner \"" + attempt.learner().name() + "\"");
        }
        talk.flush();
    }

    static String clock(double seconds) {
        int tenths = (int) Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    /** A speaker that never opens the device (--no-sound). */
    private static final class SilentSound extends DrillSound {
        @Override
        public void load(org.controlroom.lesson.run.DrillAudio.Pair pair, boolean matchLoudness) {
        }
    }

    private void writeAudio(LessonRunner runner, Step step) {
        if (audioDir == null) {
            return;
        }
        try {
            Optional<LessonPlay.Listening> l = runner.listening();
            if (l.isEmpty()) {
                return;
            }
            Files.createDirectories(audioDir);
            Path a = audioDir.resolve(String.format(Locale.ROOT, "q%02d-A.wav", step.index() + 1));
            Path b = audioDir.resolve(String.format(Locale.ROOT, "q%02d-B.wav", step.index() + 1));
            WavWriter.write(a, l.get().pair().a());
            WavWriter.write(b, l.get().pair().b());
            spec.commandLine().getOut().flush();
            (json ? spec.commandLine().getErr() : spec.commandLine().getOut()).println("  A: " + a + "   B: " + b);
        } catch (AudioFileException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot write into the audio folder " + audioDir + ": " + e.getMessage());
        }
    }

    /** A compression lesson's explore step, before its first question: described, with measured figures, and skipped. */
    private static void explore(LessonRunner runner, Step step, PrintWriter talk) {
        Optional<org.controlroom.lesson.run.DrillQuestion> q = step.drillQuestion();
        if (step.index() != 0 || q.isEmpty() || !q.get().exercise().compression()) {
            return;
        }
        try {
            Optional<LessonPlay.Listening> l = runner.listening();
            if (l.isPresent()) {
                org.controlroom.lesson.run.DrillExplore.describe(q.get(), l.get().pair().a()).forEach(talk::println);
                talk.flush();
            }
        } catch (AudioFileException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private BufferedReader answers() throws IOException {
        if (answersFile == null) {
            // standard input belongs to the process: read it, never close it
            return new BufferedReader(new InputStreamReader(new java.io.FilterInputStream(System.in) {
                @Override
                public void close() {
                }
            }, StandardCharsets.UTF_8));
        }
        return AnswersFile.open(answersFile);
    }

    private void answer(PracticeController controller, LessonRunner runner, Step step, BufferedReader in,
                        TerminalPracticeView view, PrintWriter talk) throws IOException {
        while (runner.state() == LessonRunner.State.QUESTION) {
            // a session's steps take their answers from the plan (a takes plan's answers) unless --answers is given
            String line = in != null ? in.readLine() : runner.plannedAnswer().orElseThrow(() -> new UserInputException(
                    "the plan gives no answer to step " + (step.index() + 1) + " (" + Terminal.safe(step.prompt())
                            + "); add it under answers: in the plan, or pass --answers FILE"));
            if (line == null) {
                throw new UserInputException("the answers ran out at step " + (step.index() + 1) + " of "
                        + step.count() + "; the answers given so far are saved");
            }
            String t = line.strip().toLowerCase(Locale.ROOT);
            if (step.drillQuestion().isPresent() && (t.equals("a") || t.equals("b"))) {
                LessonRunner.Side side = t.equals("a") ? LessonRunner.Side.A : LessonRunner.Side.B;
                if (noSound) {
                    runner.played(side);
                    talk.println("  (sound is off: listen to the files written with --audio-dir)");
                } else if (view.soundProblem()) {
                    runner.played(side);
                    talk.println("  no sound (see above)");
                } else {
                    controller.listen(side);
                }
                view.prompt(step);
                continue;
            }
            view.clearError();
            try {
                controller.answer(LessonAnswerParser.parse(step, line));
            } catch (IllegalArgumentException e) {
                view.showError(e.getMessage() + "; try again.");
            }
            if (runner.state() == LessonRunner.State.QUESTION && in == null) {
                throw new UserInputException("the plan's answer to step " + (step.index() + 1) + " does not fit: "
                        + view.lastError());
            }
            if (runner.state() == LessonRunner.State.QUESTION) {
                String error = view.lastError();
                if (error != null && !error.endsWith("try again.")) {
                    // the store failed: the answers before are saved; stop here with the reason
                    throw new UserInputException(error);
                }
                view.prompt(step);
            }
        }
    }

    private static void printResult(PrintWriter out, AttemptFinished result, Practice.Attempt attempt) {
        out.printf(Locale.ROOT, "Score %.1f / 100 — %s%n", result.score(), result.passed() ? "passed" : "not passed");
        for (Criterion c : result.criteria()) {
            out.printf(Locale.ROOT, "  %-10s %5.1f  (weight %s)  %s%n", c.name(), c.score(), trim(c.weight()),
                    Terminal.safe(c.detail()));
        }
        out.println(attempt.careerLine());
    }

    /** The bands confused, as a table: a row per truth, a column per answer. */
    @SuppressWarnings("unchecked")
    private static void printConfusion(PrintWriter out, Map<String, Object> summary) {
        Map<String, Object> c = (Map<String, Object>) summary.get("confusion");
        List<String> labels = (List<String>) c.get("labels");
        List<List<Integer>> counts = (List<List<Integer>>) c.get("counts");
        if (labels.isEmpty()) {
            return;
        }
        out.println("Best streak: " + summary.get("best_streak") + " right in a row. Confusion (rows: what it was;"
                + " columns: what you said):");
        int w = Math.max(6, labels.stream().mapToInt(String::length).max().orElse(6) + 1);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%" + w + "s", ""));
        labels.forEach(l -> head.append(String.format(Locale.ROOT, "%" + w + "s", Terminal.safe(l))));
        out.println(head);
        for (int t = 0; t < labels.size(); t++) {
            if (counts.get(t).stream().mapToInt(Integer::intValue).sum() == 0) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%" + w + "s", Terminal.safe(labels.get(t))));
            for (int n : counts.get(t)) {
                row.append(String.format(Locale.ROOT, "%" + w + "s", n == 0 ? "." : Integer.toString(n)));
            }
            out.println(row);
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A drill's session summary: score, threshold reached, best streak, the confusion matrix. */
    static Optional<Map<String, Object>> drillSummary(AttemptFinished result) {
        return result.criteria().stream().filter(c -> c.name().equals("accuracy") && c.measured().containsKey("confusion"))
                .findFirst().map(c -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("score", result.score());
                    x.put("right", c.measured().get("right"));
                    x.put("questions", c.measured().get("questions"));
                    x.put("family", c.measured().get("family"));
                    x.put("threshold", c.measured().get("threshold"));
                    x.put("best_streak", c.measured().get("best_streak"));
                    x.put("confusion", c.measured().get("confusion"));
                    return x;
                });
    }

    private static String json(AttemptFinished result, Practice.Attempt attempt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lesson_id", attempt.runner().lesson().id());
        m.put("learner", attempt.learner().name());
        m.put("seed", attempt.runner().seed());
        m.put("score", result.score());
        m.put("passed", result.passed());
        m.put("criteria", result.criteria().stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("score", c.score());
            cm.put("weight", c.weight());
            cm.put("detail", c.detail());
            cm.put("measured", c.measured());
            return cm;
        }).toList());
        drillSummary(result).ifPresent(x -> m.put("summary", x));
        m.put("xp_earned", attempt.xpEarned());
        m.put("replay", attempt.runner().terms().replay());
        m.put("timed", attempt.runner().terms().timed());
        attempt.myMusic().ifPresent(x -> {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("file", x.file().toString());
            mm.put("start_seconds", x.startSeconds());
            mm.put("seconds", x.seconds());
            mm.put("gain_db", x.gainDb());
            m.put("my_music", mm);
        });
        try {
            return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
