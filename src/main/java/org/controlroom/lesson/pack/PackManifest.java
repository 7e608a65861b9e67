package org.controlroom.lesson.pack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A lesson pack's {@value #FILE_NAME}: the pack's name, the format version, the lessons it holds (id,
 * title, kind, file) and every other file with its SHA-256 and size. Imported packs keep theirs in their
 * folder, with the import's date and the ids renamed on the way in: that is how a lesson's pack is known.
 */
public record PackManifest(int formatVersion, String name, String created, List<LessonEntry> lessons,
                           List<FileEntry> files, Optional<String> importedAt, Map<String, String> renamed) {

    public static final String FILE_NAME = "manifest.json";
    public static final String FORMAT = "control-room-lesson-pack";
    public static final int FORMAT_VERSION = 1;
    /** A pack's name: also its folder's name under packs/. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> TOP = Set.of("format", "format_version", "name", "created", "lessons", "files",
            "imported_at", "renamed");

    /** A lesson of the pack; {@code file} is its entry path (under lessons/). */
    public record LessonEntry(String id, String title, String kind, String file) {
    }

    /** A file of the pack with its checksum. */
    public record FileEntry(String path, String sha256, long bytes) {
    }

    public PackManifest {
        lessons = List.copyOf(lessons);
        files = List.copyOf(files);
        renamed = Map.copyOf(renamed);
    }

    public Optional<FileEntry> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public byte[] toJson() {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", formatVersion);
        root.put("name", name);
        root.put("created", created);
        importedAt.ifPresent(t -> root.put("imported_at", t));
        if (!renamed.isEmpty()) {
            ObjectNode r = root.putObject("renamed");
            new java.util.TreeMap<>(renamed).forEach(r::put);
        }
        ArrayNode ls = root.putArray("lessons");
        for (LessonEntry l : lessons) {
            ls.addObject().put("id", l.id()).put("title", l.title()).put("kind", l.kind()).put("file", l.file());
        }
        ArrayNode fs = root.putArray("files");
        for (FileEntry f : files) {
            fs.addObject().put("path", f.path()).put("sha256", f.sha256()).put("bytes", f.bytes());
        }
        try {
            return m.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads and checks a manifest against its schema.
     *
     * @param where how problems name the file ("pack.zip!manifest.json")
     * @throws PackException with every problem found
     */
    public static PackManifest parse(byte[] json, String where) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new PackException(where + ": not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new PackException(where + ": must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP.contains(f)) {
                problems.add(where + ": unknown field '" + f + "' (fields: " + String.join(", ", new java.util.TreeSet<>(TOP)) + ")");
            }
        }
        if (!FORMAT.equals(text(root, "format", where, problems))) {
            if (root.has("format")) {
                problems.add(where + ": 'format' must be \"" + FORMAT + "\"");
            }
        }
        int version = root.path("format_version").isInt() ? root.get("format_version").asInt() : -1;
        if (version == -1) {
            problems.add(where + ": 'format_version' must be a whole number");
        } else if (version != FORMAT_VERSION) {
            problems.add(where + ": format_version " + version + " is not one this Control Room reads (it reads "
                    + FORMAT_VERSION + "); update Control Room");
        }
        String name = text(root, "name", where, problems);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(where + ": 'name' '" + name + "' must be lower-case letters, digits and '-' (at most 64)");
        }
        String created = text(root, "created", where, problems);
        List<LessonEntry> lessons = new ArrayList<>();
        JsonNode ls = root.get("lessons");
        if (ls == null || !ls.isArray() || ls.isEmpty()) {
            problems.add(where + ": 'lessons' must be a non-empty list");
        } else {
            for (int i = 0; i < ls.size(); i++) {
                String at = where + ": lessons[" + (i + 1) + "]";
                JsonNode l = ls.get(i);
                if (!only(l, Set.of("id", "title", "kind", "file"), at, problems)) {
                    continue;
                }
                String id = text(l, "id", at, problems);
                String title = text(l, "title", at, problems);
                String kind = text(l, "kind", at, problems);
                String file = text(l, "file", at, problems);
                if (file != null && !(file.startsWith("lessons/") && (file.endsWith(".yaml") || file.endsWith(".yml")))) {
                    problems.add(at + ": 'file' '" + file + "' must be a .yaml file under lessons/");
                }
                lessons.add(new LessonEntry(id, title, kind, file));
            }
        }
        List<FileEntry> files = new ArrayList<>();
        JsonNode fs = root.get("files");
        if (fs == null || !fs.isArray()) {
            problems.add(where + ": 'files' must be a list");
        } else {
            for (int i = 0; i < fs.size(); i++) {
                String at = where + ": files[" + (i + 1) + "]";
                JsonNode f = fs.get(i);
                if (!only(f, Set.of("path", "sha256", "bytes"), at, problems)) {
                    continue;
                }
                String path = text(f, "path", at, problems);
                String sum = text(f, "sha256", at, problems);
                if (sum != null && !SHA256.matcher(sum).matches()) {
                    problems.add(at + ": 'sha256' must be 64 lower-case hex digits");
                }
                JsonNode b = f.get("bytes");
                if (b == null || !b.canConvertToLong() || !b.isIntegralNumber() || b.asLong() < 0) {
                    problems.add(at + ": 'bytes' must be a whole number of bytes");
                }
                files.add(new FileEntry(path, sum, b == null ? -1 : b.asLong()));
            }
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        JsonNode r = root.get("renamed");
        if (r != null) {
            if (!r.isObject()) {
                problems.add(where + ": 'renamed' must map old ids to new ids");
            } else {
                r.fields().forEachRemaining(e -> renamed.put(e.getKey(), e.getValue().asText()));
            }
        }
        Optional<String> importedAt = Optional.ofNullable(root.get("imported_at")).map(JsonNode::asText);
        if (!problems.isEmpty()) {
            throw new PackException(problems);
        }
        return new PackManifest(version, name, created, lessons, files, importedAt, renamed);
    }

    private static boolean only(JsonNode n, Set<String> fields, String at, List<String> problems) {
        if (n == null || !n.isObject()) {
            problems.add(at + ": must be an object");
            return false;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                problems.add(at + ": unknown field '" + f + "'");
            }
        }
        return true;
    }

    private static String text(JsonNode n, String field, String at, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(at + ": '" + field + "' must be given as text");
            return null;
        }
        return v.asText();
    }
}
