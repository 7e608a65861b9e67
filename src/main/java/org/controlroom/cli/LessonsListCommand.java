package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.ScriptProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lessons list [DIR] [--json]}: the valid lessons as an aligned table or a JSON array of
 * {@code {"id", "title", "kind", "rank", "file"}} (file relative to DIR). Invalid files are reported on
 * standard error and left out; the exit code is 0 either way (use {@code lessons validate} to check).
 */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = {"Lists the valid lessons under DIR (file order). Invalid files are reported on standard "
                + "error and skipped."})
public final class LessonsListCommand extends UsesLessonKinds implements Callable<Integer> {


    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The lessons folder (default: ./lessons, else the lessons beside the program).")
    Path dir;

    @picocli.CommandLine.Mixin
    DbOption db;

    @Option(names = "--json", description = "Print a JSON array of {id, title, kind, rank, file}.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        LessonsFolder folder = LessonsFolder.of(dir != null ? dir : LessonsDirOption.defaultDir());
        // with the tutor's lessons and the imported packs of the data folder
        org.controlroom.lesson.pack.LessonLibrary library = org.controlroom.lesson.pack.LessonLibrary.load(
                new LessonLoader(kinds.formats()), folder.lessons(), folder.assets(), true, db.dataFolder());
        LessonCatalog catalog = library.catalog();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (ScriptProblem p : catalog.problems()) {
            err.println(p);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Lesson l : new org.controlroom.lesson.practice.LessonService(catalog, kinds).ordered()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", l.id());
            row.put("title", l.title());
            row.put("kind", l.kind().id());
            row.put("rank", l.rank());
            boolean inFolder = l.file().toAbsolutePath().normalize().startsWith(folder.lessons().toAbsolutePath().normalize());
            row.put("file", inFolder ? LessonLoader.relative(folder.lessons(), l.file()) : l.file().toString());
            library.pack(l).ifPresent(pack -> row.put("pack", pack));
            rows.add(row);
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else {
            printTable(out, rows);
        }
        return ExitCodes.OK;
    }

    private static void printTable(PrintWriter out, List<Map<String, String>> rows) {
        List<String> columns = rows.stream().anyMatch(r -> r.containsKey("pack"))
                ? List.of("id", "kind", "rank", "title", "pack", "file") : List.of("id", "kind", "rank", "title", "file");
        Map<String, Integer> width = new LinkedHashMap<>();
        for (String c : columns) {
            int w = c.length();
            for (Map<String, String> row : rows) {
                w = Math.max(w, row.getOrDefault(c, "").length());
            }
            width.put(c, w);
        }
        StringBuilder header = new StringBuilder();
        for (String c : columns) {
            pad(header, c.toUpperCase(java.util.Locale.ROOT), width.get(c), c.equals("file"));
        }
        out.println(header.toString().stripTrailing());
        for (Map<String, String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (String c : columns) {
                pad(line, row.getOrDefault(c, ""), width.get(c), c.equals("file"));
            }
            out.println(line.toString().stripTrailing());
        }
        if (rows.isEmpty()) {
            out.println("(no valid lessons)");
        }
    }

    private static void pad(StringBuilder sb, String text, int width, boolean last) {
        sb.append(text);
        if (!last) {
            sb.append(" ".repeat(width - text.length() + 2));
        }
    }
}
