package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.lesson.script.ScriptProblem;
import org.controlroom.lesson.script.Song;
import org.controlroom.lesson.script.SongLoader;
import org.controlroom.lesson.script.SongStem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code songs list [DIR] [--json]}: the valid songs with their tempo, key, length and stems. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the valid songs (ID, STYLE, BPM, KEY, LENGTH, STEMS, TITLE); problems go to standard error.",
        footer = {"", "JSON: an array of {\"id\", \"title\", \"style\", \"tempo_bpm\", \"key\", \"seconds\", "
                + "\"stems\": [{\"name\", \"role\", \"balance_db\"}]}."})
public final class SongsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The songs folder (default: audio-assets/songs beside the lessons).")
    Path dir;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SongLoader.Library library = SongLoader.loadAll(SongsCommand.folder(dir));
        PrintWriter out = spec.commandLine().getOut();
        for (ScriptProblem p : library.problems()) {
            spec.commandLine().getErr().println(p);
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode list = mapper.createArrayNode();
            for (Song s : library.songs()) {
                ObjectNode o = list.addObject();
                o.put("id", s.id());
                o.put("title", s.title());
                o.put("style", s.style());
                o.put("tempo_bpm", s.tempoBpm());
                o.put("key", s.key());
                o.put("seconds", Math.round(s.bars() * s.barSeconds() * 10) / 10.0);
                ArrayNode stems = o.putArray("stems");
                for (SongStem st : s.stems()) {
                    stems.addObject().put("name", st.name()).put("role", st.role()).put("balance_db", st.balanceDb());
                }
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(list));
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "%-16s %-30s %5s %-9s %7s %5s  %s%n", "ID", "STYLE", "BPM", "KEY", "LENGTH", "STEMS", "TITLE");
        for (Song s : library.songs()) {
            double sec = s.bars() * s.barSeconds();
            out.printf(Locale.ROOT, "%-16s %-30s %5.0f %-9s %4d:%02d %5d  %s%n", s.id(), s.style(), s.tempoBpm(), s.key(),
                    (int) sec / 60, (int) sec % 60, s.stems().size(), s.title());
        }
        return ExitCodes.OK;
    }
}
