package org.controlroom.lesson.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads and validates one lesson file, collecting all of its problems. */
final class LessonReader {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final int MAX_ID_LENGTH = 64;
    static final List<String> COMMON = List.of("id", "title", "kind", "rank", "brief", "xp", "scoring");
    static final List<String> SCORING = List.of("pass_mark", "weights");
    private final LessonFormats formats;
    private final List<String> kindIds;
    private final List<String> topLevel;
    private final Optional<CareerLadder> career;
    private final Path assetsRoot;

    LessonReader(LessonFormats formats, Optional<CareerLadder> career, Path assetsRoot) {
        this.formats = formats;
        this.kindIds = formats.ids();
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(kindIds);
        this.topLevel = List.copyOf(all);
        this.career = career;
        this.assetsRoot = assetsRoot;
    }

    /** A lesson read without problems, with the node of its id (for duplicate-id reports). */
    record Read(Lesson lesson, Node idNode) {
    }

    Optional<Read> read(Path file, Problems problems) {
        return read(file, SafeYaml.readDocument(problems), problems);
    }

    /** Reads {@code text} as the script at {@code file} (its assets resolve from the file's folder). */
    Optional<Read> read(Path file, String text, Problems problems) {
        return read(file, SafeYaml.documentOf(text, problems), problems);
    }

    private Optional<Read> read(Path file, Optional<SafeYaml.Document> doc, Problems problems) {
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        Optional<Node> root = doc.map(SafeYaml.Document::root);
        int before = problems.count();
        Optional<Fields> top = Fields.of(root.get(), "", topLevel, problems);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Fields f = top.get();
        String id = f.text("id");
        f.value("id").ifPresent(n -> checkId(id, n, "id", problems));
        String title = f.text("title");
        Optional<LessonKind> kind = f.required("kind").flatMap(n -> kind(n, problems));
        String rank = f.text("rank");
        f.value("rank").ifPresent(n -> checkRank(rank, n, problems));
        String brief = f.text("brief");
        int xp = f.whole("xp", 20, NumberRange.between(0, 1000));

        Optional<LessonSection> section = Optional.empty();
        if (kind.isPresent()) {
            LessonKind k = kind.get();
            for (String other : kindIds) {
                if (!other.equals(k.id()) && f.has(other)) {
                    problems.at(f.keyNode(other).orElseThrow(), "section '" + other + "' does not match kind: "
                            + k.id() + " (a " + k.id() + " lesson has a '" + k.id() + "' section)");
                }
            }
            if (!f.has(k.id())) {
                problems.at(f.node(), "missing section '" + k.id() + "' (kind: " + k.id()
                        + " needs a '" + k.id() + ":' section)");
            } else {
                SectionFormat format = formats.format(k.id()).orElseThrow();
                AssetResolver assets = new AssetResolver(file.toAbsolutePath().getParent(), assetsRoot);
                section = f.section(k.id(), format.fields(), true).map(s -> format.read(new SectionInput(s, assets)));
            }
        }
        Scoring scoring = f.section("scoring", SCORING, true)
                .map(s -> scoring(s, kind, problems))
                .orElse(new Scoring(0, Map.of()));
        if (problems.count() > before || section.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        // the hash of the bytes that were parsed: an edit after the read cannot pass as this lesson
        String hash = contentHash(doc.get().bytes());
        Lesson lesson = new Lesson(id, title, kind.get(), rank, brief, xp, section.get(), scoring, file, hash);
        return Optional.of(new Read(lesson, f.value("id").orElseThrow()));
    }

    /** SHA-256 of a script's bytes, in lower-case hex. */
    static String contentHash(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    static void checkId(String id, Node node, String field, Problems problems) {
        if (id.isEmpty()) {
            return;
        }
        if (!ID.matcher(id).matches() || id.length() > MAX_ID_LENGTH) {
            problems.at(node, field + " '" + id + "' must be lower-case letters, digits and '-' (starting with a "
                    + "letter or digit, at most " + MAX_ID_LENGTH + " characters)");
        }
    }

    private Optional<LessonKind> kind(Node n, Problems problems) {
        return Values.text(n, "kind", problems).flatMap(text -> {
            Optional<LessonKind> k = formats.kind(text);
            if (k.isEmpty()) {
                problems.at(n, "unknown kind '" + text + "'"
                        + ClosestName.to(text, kindIds).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + " (kinds: " + String.join(", ", kindIds) + ")");
            }
            return k;
        });
    }

    private void checkRank(String rank, Node n, Problems problems) {
        if (rank.isEmpty() || career.isEmpty()) {
            return;
        }
        CareerLadder ladder = career.get();
        if (ladder.rank(rank).isEmpty()) {
            List<String> ids = ladder.ranks().stream().map(Rank::id).toList();
            problems.at(n, "unknown rank '" + rank + "'"
                    + ClosestName.to(rank, ids).map(s -> "; did you mean '" + s + "'?").orElse("")
                    + " (ranks in career.yaml: " + String.join(", ", ids) + ")");
        }
    }

    private static Scoring scoring(Fields s, Optional<LessonKind> kind, Problems problems) {
        double passMark = s.number("pass_mark", NumberRange.between(0, 100));
        Map<String, Double> weights = new LinkedHashMap<>();
        s.required("weights").ifPresent(n -> {
            if (!(n instanceof MappingNode map)) {
                problems.at(n, "scoring.weights must be a mapping of criterion to weight, found "
                        + Values.describe(n));
                return;
            }
            if (map.getValue().isEmpty()) {
                problems.at(n, "scoring.weights needs at least one criterion"
                        + kind.map(k -> " (" + String.join(", ", k.criteria()) + ")").orElse(""));
            }
            for (NodeTuple t : map.getValue()) {
                Node key = t.getKeyNode();
                Optional<String> name = Values.text(key, "scoring.weights criterion", problems);
                if (name.isEmpty()) {
                    continue;
                }
                String c = name.get();
                if (weights.containsKey(c)) {
                    problems.at(key, "duplicate key '" + c + "' in scoring.weights");
                    continue;
                }
                if (kind.isPresent() && !kind.get().criteria().contains(c)) {
                    List<String> allowed = kind.get().criteria();
                    problems.at(key, "unknown criterion '" + c + "' in scoring.weights for kind "
                            + kind.get().id() + ClosestName.to(c, allowed).map(x -> "; did you mean '" + x + "'?")
                            .orElse("") + " (allowed: " + String.join(", ", allowed) + ")");
                    continue;
                }
                Values.number(t.getValueNode(), "scoring.weights." + c, NumberRange.above(0), problems)
                        .ifPresent(w -> weights.put(c, w));
            }
        });
        return new Scoring(passMark, weights);
    }
}
