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

import org.controlroom.lesson.practice.Practice;
import org.controlroom.lesson.run.AttemptFinished;
import org.controlroom.lesson.run.Choice;
import org.controlroom.lesson.run.Criterion;
import org.controlroom.lesson.run.Feedback;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
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
 * {@code scenario play LESSON_ID --learner NAME}: plays a drill or scenario at the terminal. Each step
 * is printed with its choices; the answer is read from standard input (or {@code --answers FILE}, one
 * answer a line) and saved the moment it is judged. The final score, its breakdown and the XP earned
 * close the attempt; {@code --json} prints them as JSON (prompts then go to standard error).
 */
@Command(name = "play",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Plays a lesson at the terminal and saves every answer as it is given.",
                "Answers: for a question, a choice's label or number (e.g. '1 kHz', '+3 dB', '#2'); "
                        + "for a decision, option ids separated by commas, or 'none'."})
public final class ScenarioPlayCommand implements Callable<Integer> {

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

    @Option(names = "--seed", paramLabel = "N", description = "Replay a particular attempt (default: a new random seed).")
    Long seed;

    @Option(names = "--answers", paramLabel = "FILE", description = "Read answers from FILE, one a line, instead of standard input.")
    Path answersFile;

    @Option(names = "--json", description = "Print the result as JSON on standard output.")
    boolean json;

    @Option(names = "--audio-dir", paramLabel = "DIR", description = "Write each drill question's A and B as WAV files into DIR.")
    Path audioDir;

    @Option(names = "--no-sound", description = "Do not use the sound device (typing a or b still counts a listen).")
    boolean noSound;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter talk = json ? spec.commandLine().getErr() : out;
        LessonCatalog catalog = new LessonLoader().load(lessonsDir.lessonsDir(), lessonsDir.assetsDir());
        try (LearnerStore store = db.open(spec.commandLine().getErr()); BufferedReader in = answers()) {
            Practice practice = new Practice(catalog, store.learners(), store.attempts(), store.progress());
            Practice.Attempt session = practice.start(learner, lessonId, Optional.ofNullable(seed), Clock.systemUTC());
            LessonRunner runner = session.runner();
            talk.println(runner.lesson().title());
            talk.println(runner.brief().strip());
            talk.println();
            DrillListening listening = runner.lesson().section() instanceof DrillSection d
                    ? new DrillListening(d, runner.seed(), audioDir, !noSound, talk) : null;
            Step step = runner.begin();
            while (true) {
                printStep(talk, step);
                if (listening != null) {
                    listening.prepare(step.drillQuestion().orElseThrow());
                    talk.print("> ");
                    talk.flush();
                }
                Feedback f = answer(runner, step, in, talk, listening);
                talk.println(f.message());
                talk.println();
                Optional<Step> next = runner.next();
                if (next.isEmpty()) {
                    break;
                }
                step = next.get();
            }
            if (listening != null) {
                listening.close();
            }
            AttemptFinished result = runner.result().orElseThrow();
            if (json) {
                out.println(json(result, session));
            } else {
                printResult(out, result, session);
            }
            return ExitCodes.OK;
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

    private static void printStep(PrintWriter talk, Step step) {
        talk.printf(Locale.ROOT, "Step %d of %d: %s%n", step.index() + 1, step.count(), step.prompt());
        List<Choice> choices = step.choices();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            talk.printf(Locale.ROOT, "  #%d  %s%s%n", i + 1, step.drillQuestion().isPresent() ? "" : c.id() + "  ", c.label());
        }
        if (step.drillQuestion().isEmpty()) {
            talk.print(step.multipleChoice() ? "> (ids, comma separated, or none) " : "> ");
            talk.flush();
        }
    }

    private static Feedback answer(LessonRunner runner, Step step, BufferedReader in, PrintWriter talk,
                                   DrillListening listening) throws IOException {
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new UserInputException("the answers ran out at step " + (step.index() + 1) + " of "
                        + step.count() + "; the answers given so far are saved");
            }
            if (listening != null && listening.handle(line, runner)) {
                talk.print("> ");
                talk.flush();
                continue;
            }
            try {
                return runner.answer(LessonAnswerParser.parse(step, line));
            } catch (IllegalArgumentException e) {
                talk.println(e.getMessage() + "; try again.");
                talk.print("> ");
                talk.flush();
            }
        }
    }

    private static void printResult(PrintWriter out, AttemptFinished result, Practice.Attempt session) {
        out.printf(Locale.ROOT, "Score %.1f / 100 — %s%n", result.score(), result.passed() ? "passed" : "not passed");
        for (Criterion c : result.criteria()) {
            out.printf(Locale.ROOT, "  %-10s %5.1f  (weight %s)  %s%n", c.name(), c.score(), trim(c.weight()), c.detail());
        }
        out.println(session.careerLine());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String json(AttemptFinished result, Practice.Attempt session) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lesson_id", session.runner().lesson().id());
        m.put("learner", session.learner().name());
        m.put("seed", session.runner().seed());
        m.put("score", result.score());
        m.put("passed", result.passed());
        m.put("criteria", result.criteria().stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("score", c.score());
            cm.put("weight", c.weight());
            cm.put("detail", c.detail());
            return cm;
        }).toList());
        m.put("xp_earned", session.xpEarned());
        try {
            return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
