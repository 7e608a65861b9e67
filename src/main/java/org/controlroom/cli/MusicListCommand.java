package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.lesson.music.MusicEntry;
import org.controlroom.lesson.music.MyMusic;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code music list --learner NAME [--json]}: every file of the learner's music, checked now. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the learner's music: each audio file (folders expanded) with its status and length.",
                "Status: ok, moved (not where it was added), damaged (not readable as audio), silent."},
        footer = {"", "JSON: {\"learner\", \"added\": [PATH], \"files\": [{\"file\", \"status\", \"seconds\", \"detail\"}]}."})
public final class MusicListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Option(names = "--learner", required = true, paramLabel = "NAME", description = "Whose music (see 'learner list').")
    String learner;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Learner l;
        List<Path> added;
        try (LearnerStore store = db.open(spec.commandLine().getErr())) {
            l = MusicCommand.learner(store, learner);
            added = store.music().list(l.id());
        }
        List<MusicEntry> files = MyMusic.scan(added);
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("learner", l.name());
            ArrayNode a = root.putArray("added");
            added.forEach(p -> a.add(p.toString()));
            ArrayNode f = root.putArray("files");
            for (MusicEntry e : files) {
                f.addObject().put("file", e.file().toString()).put("status", status(e))
                        .put("seconds", Math.round(e.seconds() * 10) / 10.0).put("detail", e.detail());
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return ExitCodes.OK;
        }
        if (added.isEmpty()) {
            out.println(l.name() + " has no music yet. Drills that allow it play on the learner's own music;"
                    + " add files or folders with: control-room music add PATH... --learner \"" + l.name() + "\"");
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "%-8s %7s  %s%n", "STATUS", "LENGTH", "FILE");
        for (MusicEntry e : files) {
            String length = e.seconds() > 0
                    ? String.format(Locale.ROOT, "%d:%02d", (int) e.seconds() / 60, (int) e.seconds() % 60) : "-";
            out.printf(Locale.ROOT, "%-8s %7s  %s%n", status(e), length, Terminal.safe(e.file().toString()));
            if (!e.usable()) {
                out.println("                  " + Terminal.safe(e.detail()));
            }
        }
        long ok = files.stream().filter(MusicEntry::usable).count();
        out.println(ok + " of " + files.size() + (files.size() == 1 ? " file" : " files") + " can be played in drills.");
        return ExitCodes.OK;
    }

    static String status(MusicEntry e) {
        return e.status().name().toLowerCase(Locale.ROOT);
    }
}
