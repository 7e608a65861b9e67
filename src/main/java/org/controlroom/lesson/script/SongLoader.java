package org.controlroom.lesson.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.AudioFormatKind;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads and validates song manifests ({@code audio-assets/songs/<id>/song.yaml}) with the same safe
 * YAML reading and {@code file:line:column} messages as lessons.
 */
public final class SongLoader {
    /** The manifest's file name inside a song's folder. */
    public static final String FILE_NAME = "song.yaml";
    static final List<String> TOP = List.of("id", "title", "style", "tempo_bpm", "key", "metre", "sample_rate",
            "reference_mix", "balance_reference", "sections", "stems", "melody", "licence");
    static final List<String> SECTION = List.of("id", "name", "start_bar", "bars", "energy");
    static final List<String> STEM = List.of("name", "role", "file", "pan", "balance_db", "source", "note");
    static final List<String> MELODY = List.of("stem", "notes");
    static final List<String> NOTE = List.of("onset_s", "seconds", "midi", "note");
    /** Stem roles a manifest may name. */
    public static final List<String> ROLES = List.of("kick", "snare", "hats", "overheads", "toms", "drums", "bass",
            "keys", "guitar", "strings", "pad", "lead-vocal", "backing-vocals", "percussion", "fx", "other");
    private static final Pattern METRE = Pattern.compile("([1-9][0-9]?)/(1|2|4|8|16)");
    private static final Pattern NOTE_NAME = Pattern.compile("([A-G])(#|b)?(-1|[0-9])");
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    /** Songs found in a folder, and the problems of the manifests that did not load. */
    public record Library(List<Song> songs, List<ScriptProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }

        public Optional<Song> song(String id) {
            return songs.stream().filter(s -> s.id().equals(id)).findFirst();
        }
    }

    private SongLoader() {
    }

    /** Every {@code <dir>/<song>/song.yaml}, in folder-name order; a folder without one is skipped. */
    public static Library loadAll(Path songsDir) {
        List<Song> songs = new ArrayList<>();
        List<ScriptProblem> problems = new ArrayList<>();
        List<Path> manifests;
        try (Stream<Path> s = Files.list(songsDir)) {
            manifests = s.filter(Files::isDirectory).map(d -> d.resolve(FILE_NAME)).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(new ScriptProblem(songsDir, 1, 1, "cannot list the songs folder: " + e.getMessage()));
            return new Library(List.of(), problems);
        }
        Map<String, Path> ids = new LinkedHashMap<>();
        for (Path m : manifests) {
            try {
                Song song = load(m);
                Path first = ids.putIfAbsent(song.id(), m);
                if (first != null) {
                    problems.add(new ScriptProblem(m, 1, 1, "song id '" + song.id() + "' is already used by " + first));
                } else {
                    songs.add(song);
                }
            } catch (ScriptException e) {
                problems.addAll(e.problems());
            }
        }
        return new Library(List.copyOf(songs), List.copyOf(problems));
    }

    /**
     * Loads one manifest.
     *
     * @throws ScriptException with every problem found (file:line:column: message)
     */
    public static Song load(Path manifest) {
        Problems problems = new Problems(manifest);
        Optional<Song> song = read(problems);
        if (song.isEmpty() || problems.any()) {
            if (!problems.any()) {
                problems.atStart("the song manifest could not be read");
            }
            throw new ScriptException(problems.list());
        }
        return song.get();
    }

    static Optional<Song> read(Problems problems) {
        if (!Files.isRegularFile(problems.file())) {
            problems.atStart("song manifest not found: " + problems.file());
            return Optional.empty();
        }
        Optional<Node> root = SafeYaml.read(problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Path folder = problems.file().toAbsolutePath().getParent();
        Optional<Fields> top = Fields.of(root.get(), "", TOP, problems);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Fields f = top.get();
        String id = f.text("id");
        f.value("id").ifPresent(n -> LessonReader.checkId(id, n, "id", problems));
        String title = f.text("title");
        String style = f.text("style");
        double bpm = f.number("tempo_bpm", NumberRange.between(40, 240));
        String key = f.text("key");
        int[] metre = {4, 4};
        f.required("metre").flatMap(n -> Values.text(n, "metre", problems)).ifPresent(m -> {
            Matcher mm = METRE.matcher(m);
            if (mm.matches()) {
                metre[0] = Integer.parseInt(mm.group(1));
                metre[1] = Integer.parseInt(mm.group(2));
            } else {
                problems.at(f.value("metre").orElseThrow(), "metre must look like 4/4, 3/4 or 6/8, found '" + m + "'");
            }
        });
        int rate = f.whole("sample_rate", NumberRange.between(8000, 192000));
        Optional<Path> mix = f.required("reference_mix").flatMap(n -> audioFile(n, "reference_mix", folder, problems));

        UniqueNames sectionIds = new UniqueNames("section id", problems);
        int[] nextBar = {0};
        List<SongMark> sections = f.list("sections", 2, Fields.mapping(SECTION, problems, s -> {
            String sid = sectionIds.take(s, "id");
            s.value("id").ifPresent(n -> LessonReader.checkId(sid, n, s.name("id"), problems));
            int start = s.whole("start_bar", NumberRange.atLeast(0));
            int bars = s.whole("bars", NumberRange.between(1, 256));
            s.value("start_bar").ifPresent(n -> {
                if (start != nextBar[0]) {
                    problems.at(n, s.name("start_bar") + " must be " + nextBar[0]
                            + " (sections follow each other without gaps, the first at bar 0), found " + start);
                }
            });
            nextBar[0] = start + bars;
            return new SongMark(sid, s.text("name"), start, bars, s.number("energy", NumberRange.between(0, 1)));
        }));

        UniqueNames stemNames = new UniqueNames("stem name", problems);
        List<SongStem> stems = f.list("stems", 1, Fields.mapping(STEM, problems, s -> {
            String name = stemNames.take(s, "name");
            s.value("name").ifPresent(n -> LessonReader.checkId(name, n, s.name("name"), problems));
            String role = s.text("role");
            s.value("role").ifPresent(n -> {
                if (!role.isEmpty() && !ROLES.contains(role)) {
                    problems.at(n, "unknown " + s.name("role") + " '" + role + "'"
                            + ClosestName.to(role, ROLES).map(r -> "; did you mean '" + r + "'?").orElse("")
                            + " (use one of " + String.join(", ", ROLES) + ")");
                }
            });
            Optional<Path> file = s.required("file").flatMap(n -> audioFile(n, s.name("file"), folder, problems));
            double pan = s.number("pan", 0, NumberRange.between(-1, 1));
            double balance = s.number("balance_db", NumberRange.between(-60, 24));
            return new SongStem(name, role, file.orElse(folder), pan, balance, s.text("source"), s.optionalText("note"));
        }));
        String balanceRef = f.text("balance_reference");
        checkStemName(f, "balance_reference", balanceRef, stems, problems);

        String[] melodyStem = {""};
        List<MelodyNote> melody = f.section("melody", MELODY, true).map(m -> {
            melodyStem[0] = m.text("stem");
            checkStemName(m, "stem", melodyStem[0], stems, problems);
            double[] lastOnset = {-1};
            return m.list("notes", 1, Fields.mapping(NOTE, problems, n -> {
                double onset = n.number("onset_s", NumberRange.atLeast(0));
                double seconds = n.number("seconds", NumberRange.above(0));
                int midi = n.whole("midi", NumberRange.between(0, 127));
                String name = n.text("note");
                n.value("onset_s").ifPresent(v -> {
                    if (onset < lastOnset[0]) {
                        problems.at(v, n.name("onset_s") + " must not be before the previous note's ("
                                + NumberRange.format(lastOnset[0]) + " s); list the notes in order");
                    }
                });
                lastOnset[0] = Math.max(lastOnset[0], onset + seconds);
                n.value("note").ifPresent(v -> {
                    if (!name.isEmpty() && midiOf(name).map(x -> x != midi).orElse(true)) {
                        problems.at(v, n.name("note") + " '" + name + "' does not match midi " + midi + " ("
                                + nameOf(midi) + ")");
                    }
                });
                return new MelodyNote(onset, seconds, midi, name);
            }));
        }).orElse(List.of());

        Map<String, String> licence = new LinkedHashMap<>();
        f.required("licence").ifPresent(n -> {
            if (!(n instanceof MappingNode map)) {
                problems.at(n, "licence must be a mapping of source → licence, found " + Values.describe(n));
                return;
            }
            for (NodeTuple t : map.getValue()) {
                String k = t.getKeyNode() instanceof ScalarNode sk ? sk.getValue() : "";
                Values.text(t.getValueNode(), "licence." + k, problems).ifPresent(v -> licence.put(k, v));
            }
            if (!licence.containsKey("audio")) {
                problems.at(n, "licence needs an 'audio' entry: the licence of the audio files");
            }
        });

        if (problems.any()) {
            return Optional.empty();
        }
        Song song = new Song(problems.file(), folder, id, title, style, bpm, key, metre[0], metre[1], rate,
                mix.orElseThrow(), balanceRef, sections, stems, melodyStem[0], melody, Map.copyOf(licence));
        double length = song.bars() * song.barSeconds();
        for (MelodyNote note : melody) {
            if (note.onsetSeconds() + note.seconds() > length + 0.001) {
                problems.atStart("melody note at " + NumberRange.format(note.onsetSeconds()) + " s runs past the end "
                        + "of the form (" + NumberRange.format(length) + " s)");
                return Optional.empty();
            }
        }
        return Optional.of(song);
    }

    private static void checkStemName(Fields f, String field, String name, List<SongStem> stems, Problems problems) {
        if (!name.isEmpty() && stems.stream().noneMatch(s -> s.name().equals(name))) {
            List<String> names = stems.stream().map(SongStem::name).toList();
            f.value(field).ifPresent(n -> problems.at(n, f.name(field) + " '" + name + "' is not one of the stems"
                    + ClosestName.to(name, names).map(s -> "; did you mean '" + s + "'?").orElse("")));
        }
    }

    /** A file inside the song's folder (no '..', not absolute, no link out), of a readable audio format. */
    private static Optional<Path> audioFile(Node n, String field, Path folder, Problems problems) {
        Optional<String> text = Values.text(n, field, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String p = text.get();
        if (p.startsWith("/") || p.startsWith("\\") || p.matches("^[A-Za-z]:.*") || p.contains("..")) {
            problems.at(n, field + ": '" + p + "' must be a file name inside the song's folder (no absolute path, no '..')");
            return Optional.empty();
        }
        if (!AudioFormatKind.hasAudioExtension(p)) {
            problems.at(n, field + ": '" + p + "' must be an audio file (" + AudioFormatKind.allExtensions() + ")");
            return Optional.empty();
        }
        try {
            Path file = folder.resolve(p);
            if (!Files.isRegularFile(file)) {
                problems.at(n, field + ": '" + p + "' not found in " + folder);
                return Optional.empty();
            }
            if (!file.toRealPath().startsWith(folder.toRealPath())) {
                problems.at(n, field + ": '" + p + "' resolves outside the song's folder (through a link); not allowed");
                return Optional.empty();
            }
            AudioFormatKind.of(file);
            return Optional.of(file);
        } catch (AudioFileException e) {
            problems.at(n, field + ": '" + p + "' is not readable audio ("
                    + e.getMessage().substring(e.getMessage().indexOf(": ") + 2) + ")");
            return Optional.empty();
        } catch (IOException | InvalidPathException e) {
            problems.at(n, field + ": '" + p + "' cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<Integer> midiOf(String name) {
        Matcher m = NOTE_NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int pc = "C D EF G A B".indexOf(m.group(1));
        if (m.group(2) != null) {
            pc += m.group(2).equals("#") ? 1 : -1;
        }
        return Optional.of((Integer.parseInt(m.group(3)) + 1) * 12 + pc);
    }

    static String nameOf(int midi) {
        return NAMES[midi % 12] + (midi / 12 - 1);
    }
}
