package org.controlroom.lesson.script;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a script file into a YAML node tree, safely: size, alias and nesting limits, no objects
 * constructed, and only the plain YAML tags (string, number, boolean, null, mapping, list).
 */
final class SafeYaml {
    /** Largest script accepted, in bytes (and in code points). */
    static final int MAX_BYTES = 1_000_000;
    static final int MAX_ALIASES = 20;
    static final int MAX_NESTING = 40;

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.MAP, Tag.SEQ);

    private SafeYaml() {
    }

    /** A document and the very bytes it was parsed from (what a content hash must be taken of). */
    record Document(Node root, byte[] bytes) {
    }

    /** The file's single document, or empty with the reasons added to {@code problems}. */
    static Optional<Node> read(Problems problems) {
        return readDocument(problems).map(Document::root);
    }

    /** As {@link #read}, with the bytes the document was parsed from: the file is read once. */
    static Optional<Document> readDocument(Problems problems) {
        String text;
        byte[] bytes;
        Optional<String> special = org.controlroom.dsp.io.RegularFile.notRegular(problems.file());
        if (special.isPresent()) {
            problems.atStart("is " + special.get() + ", not a script file; only ordinary files are read");
            return Optional.empty();
        }
        try {
            long size = Files.size(problems.file());
            if (size > MAX_BYTES) {
                problems.atStart("file is too large (" + size + " bytes; a script may have at most "
                        + MAX_BYTES + ")");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(problems.file());
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.atStart("file is not UTF-8 text");
            return Optional.empty();
        } catch (IOException e) {
            problems.atStart("cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        byte[] parsed = bytes;
        return parse(text, problems).map(root -> new Document(root, parsed));
    }

    /** A document from text in memory (an editor's buffer), as if read from {@code problems.file()}. */
    static Optional<Document> documentOf(String text, Problems problems) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            problems.atStart("file is too large (" + bytes.length + " bytes; a script may have at most "
                    + MAX_BYTES + ")");
            return Optional.empty();
        }
        String parsed = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return parse(parsed, problems).map(root -> new Document(root, bytes));
    }

    static Optional<Node> parse(String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node root;
        try {
            if (explicitTags(yaml, text, problems)) {
                return Optional.empty();
            }
            Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
            if (!documents.hasNext()) {
                problems.atStart("file is empty: a lesson needs id, title, kind, rank, brief, its section and scoring");
                return Optional.empty();
            }
            root = documents.next();
            if (documents.hasNext()) {
                Node second = documents.next();
                problems.at(second, "only one lesson per file: a second YAML document starts here");
                return Optional.empty();
            }
        } catch (MarkedYAMLException e) {
            problems.at(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), syntaxMessage(e));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.atStart(limitMessage(e));
            return Optional.empty();
        }
        if (root == null) {
            problems.atStart("file is empty: a lesson needs id, title, kind, rank, brief, its section and scoring");
            return Optional.empty();
        }
        int before = problems.count();
        checkTags(root, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems.count() == before ? Optional.of(root) : Optional.empty();
    }

    /**
     * Reports every explicitly written tag ({@code !!str}, {@code !!int}, {@code !}, {@code !custom}):
     * the composed tree cannot tell {@code !!str 10} from {@code "10"}, so they are found in the
     * event stream, where a tag the author wrote is still visible. True when any was found.
     */
    private static boolean explicitTags(Yaml yaml, String text, Problems problems) {
        boolean found = false;
        for (Event e : yaml.parse(new StringReader(text))) {
            String tag = e instanceof ScalarEvent s ? s.getTag()
                    : e instanceof CollectionStartEvent c ? c.getTag() : null;
            if (tag != null) {
                problems.at(e.getStartMark(), "tag " + describe(new Tag(tag))
                        + " is not allowed: scripts may use plain YAML values only"
                        + (tag.equals(Tag.STR.getValue()) ? " (to make a number text, put it in quotes)" : ""));
                found = true;
            }
        }
        return found;
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (problem.contains("\\t") || problem.contains("'\t'")) {
            return "YAML syntax error: a tab character here; YAML indents with spaces only";
        }
        if (problem.startsWith("Global tag is not allowed")) {
            return "tag " + describe(new Tag(problem.substring(problem.indexOf(':') + 1).trim()))
                    + " is not allowed: scripts may use plain YAML values only";
        }
        StringBuilder m = new StringBuilder("YAML syntax error: ").append(problem);
        if (e.getContext() != null && !e.getContext().isBlank()) {
            m.append(" (").append(e.getContext()).append(')');
        }
        return m.toString();
    }

    private static String limitMessage(YAMLException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.startsWith("Number of aliases")) {
            return "too many aliases (more than " + MAX_ALIASES
                    + " references to lists or mappings): rejected to guard against alias bombs";
        }
        if (msg.startsWith("Nesting Depth")) {
            return "nested too deeply (more than " + MAX_NESTING + " levels)";
        }
        if (msg.contains("code points")) {
            return "file is too large (a script may have at most " + MAX_BYTES + " characters)";
        }
        return "YAML error: " + msg;
    }

    private static void checkTags(Node node, Problems problems, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (Tag.MERGE.equals(node.getTag())) {
            problems.at(node, "merge keys (<<) are not supported: write the fields out in full");
            return;
        }
        if (!PLAIN_TAGS.contains(node.getTag())) {
            problems.at(node, "tag " + describe(node.getTag())
                    + " is not allowed: scripts may use plain YAML values only");
            return;
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                checkTags(t.getKeyNode(), problems, seen);
                checkTags(t.getValueNode(), problems, seen);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                checkTags(item, problems, seen);
            }
        } else if (!(node instanceof ScalarNode)) {
            problems.at(node, "unsupported YAML node");
        }
    }

    private static String describe(Tag tag) {
        String v = tag.getValue();
        return v.startsWith(Tag.PREFIX) ? "!!" + v.substring(Tag.PREFIX.length()) : v;
    }
}
