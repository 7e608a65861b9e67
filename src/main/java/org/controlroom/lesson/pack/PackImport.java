package org.controlroom.lesson.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.io.AudioFormatKind;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.ScriptException;
import org.controlroom.lesson.script.ScriptProblem;
import org.controlroom.lesson.script.SongLoader;

/**
 * Imports a lesson pack into {@code packs/<name>/} of the data folder, whole or not at all. Before
 * anything lands it checks the zip's directory (at most 2 000 entries; no {@code ..}, absolute path,
 * backslash or control character in a name; no symbolic link; only lesson scripts, song manifests,
 * audio and the manifest), unpacks into a temporary folder beside the packs (counting the bytes as they
 * inflate: at most 500 MB, and no entry past 1 MiB inflating more than 100 times its compressed size),
 * then checks the manifest's schema and every checksum, loads every lesson (problems named
 * {@code pack.zip!lessons/file.yaml:line:column}), decodes every audio file and loads every song. A
 * lesson id the catalogue already has is renamed or skipped as asked, never overwritten. Only then is
 * the folder moved into place, in one atomic rename; on any failure the temporary folder is deleted.
 */
public final class PackImport {

    /** What to do with a lesson whose id the catalogue already has. */
    public enum OnClash { RENAME, SKIP }

    /**
     * What was imported.
     *
     * @param renamed old id → new id
     */
    public record Result(String pack, Path folder, List<String> imported, Map<String, String> renamed,
                         List<String> skipped) {
    }

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:[ \\t]*([^\\r\\n]*?)[ \\t]*$");

    private final LessonLoader loader;
    private final LessonLibrary library;
    private final Path dataFolder;
    private final PackLimits limits;
    private final Clock clock;

    /**
     * @param library the catalogue as it is now (its ids are the ones a pack may clash with; its ladder ranks the pack)
     */
    public PackImport(LessonLoader loader, LessonLibrary library, Path dataFolder, PackLimits limits, Clock clock) {
        this.loader = loader;
        this.library = library;
        this.dataFolder = dataFolder;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Checks and imports a pack.
     *
     * @param onClash what to do with ids already taken; empty: refuse with a {@link PackClashException}
     * @throws PackException listing every problem; nothing was written
     */
    public Result importPack(Path zip, Optional<OnClash> onClash) {
        String where = zip.getFileName().toString();
        if (!Files.isRegularFile(zip)) {
            throw new PackException(zip + ": no such file");
        }
        List<ZipDirectory.Entry> entries;
        try {
            entries = ZipDirectory.read(zip, limits.maxFiles());
        } catch (IOException e) {
            throw new PackException(zip + ": cannot read it (" + e.getMessage() + ")");
        }
        checkDirectory(where, entries);
        Path packsRoot = LessonLibrary.packsRoot(dataFolder);
        Path temp = null;
        try {
            Files.createDirectories(packsRoot);
            temp = Files.createTempDirectory(packsRoot, ".import-");
            Map<String, String> sums = unpack(zip, where, entries, temp);
            return install(where, temp, sums, packsRoot, onClash);
        } catch (IOException e) {
            throw new PackException("cannot import " + where + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    /** The directory alone: count, names, links, claimed sizes and ratios, kinds of file. */
    private void checkDirectory(String where, List<ZipDirectory.Entry> entries) {
        List<String> problems = new ArrayList<>();
        if (entries.size() > limits.maxFiles()) {
            throw new PackException(where + ": holds more than " + limits.maxFiles() + " files; a pack may hold at most "
                    + limits.maxFiles());
        }
        long claimed = 0;
        long compressed = 0;
        Set<String> names = new HashSet<>();
        for (ZipDirectory.Entry e : entries) {
            String name = e.name();
            String at = where + "!" + clean(name);
            unsafeName(name).ifPresent(why -> problems.add(at + ": " + why + "; refused"));
            if (e.symlink()) {
                problems.add(at + ": is a symbolic link; a pack may hold only ordinary files");
            }
            if (!names.add(name)) {
                problems.add(at + ": appears twice in the zip");
            }
            if (!e.directory() && unsafeName(name).isEmpty() && !allowed(name)) {
                problems.add(at + ": not a lesson script (.yaml), a song manifest or audio ("
                        + AudioFormatKind.allExtensions() + "); a pack holds nothing else");
            }
            if (e.method() != 0 && e.method() != 8) {
                problems.add(at + ": compressed with method " + e.method() + "; only stored and deflated entries are read");
            }
            claimed += e.size();
            compressed += e.compressedSize();
            if (tooDense(e.size(), e.compressedSize())) {
                problems.add(at + ": claims " + e.size() + " bytes from " + e.compressedSize()
                        + " compressed (over " + ratio() + ":1); refused as a zip bomb");
            }
        }
        if (claimed > limits.maxBytes()) {
            problems.add(where + ": claims " + claimed + " bytes unpacked; a pack may unpack to at most "
                    + limits.maxBytes() + " bytes");
        }
        if (tooDense(claimed, compressed)) {
            problems.add(where + ": claims " + claimed + " bytes from " + compressed + " compressed (over "
                    + ratio() + ":1); refused as a zip bomb");
        }
        if (!problems.isEmpty()) {
            throw new PackException(problems);
        }
    }

    private String ratio() {
        return String.format(Locale.ROOT, "%.0f", limits.maxRatio());
    }

    private boolean tooDense(long inflated, long compressed) {
        return inflated > limits.ratioFloorBytes() && inflated > limits.maxRatio() * Math.max(1, compressed);
    }

    /** Why an entry name is unsafe to unpack, if it is. */
    static Optional<String> unsafeName(String name) {
        if (name.isEmpty()) {
            return Optional.of("an entry with no name");
        }
        if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
            return Optional.of("an absolute path");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("a name with a backslash (zip names use '/')");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return Optional.of("a name with a control character");
            }
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return Optional.of("a path with '..' (it would land outside the pack)");
            }
        }
        return Optional.empty();
    }

    private static boolean allowed(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.equals(PackManifest.FILE_NAME) || lower.endsWith(".yaml") || lower.endsWith(".yml")
                || AudioFormatKind.hasAudioExtension(name);
    }

    private static String clean(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(c -> sb.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return sb.toString();
    }

    /** Unpacks every file entry into {@code temp}, counting what really inflates; the SHA-256 of each by name. */
    private Map<String, String> unpack(Path zip, String where, List<ZipDirectory.Entry> entries, Path temp)
            throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        long total = 0;
        long totalCompressed = 0;
        Path root = temp.toRealPath();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipDirectory.Entry e : entries) {
                Path target = root.resolve(e.name()).normalize();
                if (!target.startsWith(root)) {
                    throw new PackException(where + "!" + clean(e.name()) + ": would land outside the pack; refused");
                }
                if (e.directory()) {
                    Files.createDirectories(target);
                    continue;
                }
                java.util.zip.ZipEntry ze = file.getEntry(e.name());
                if (ze == null) {
                    throw new PackException(where + "!" + clean(e.name()) + ": listed in the directory but unreadable");
                }
                Files.createDirectories(target.getParent());
                MessageDigest sha = PackExport.sha256();
                long n = 0;
                byte[] buf = new byte[64 * 1024];
                try (InputStream in = file.getInputStream(ze);
                     OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        n += r;
                        total += r;
                        if (total > limits.maxBytes()) {
                            throw new PackException(where + ": unpacks to more than " + limits.maxBytes()
                                    + " bytes (counted while inflating " + clean(e.name()) + "); refused");
                        }
                        if (tooDense(n, e.compressedSize())) {
                            throw new PackException(where + "!" + clean(e.name()) + ": inflates past " + ratio()
                                    + " times its compressed size (" + e.compressedSize() + " bytes); refused as a zip bomb");
                        }
                        sha.update(buf, 0, r);
                        out.write(buf, 0, r);
                    }
                } catch (ZipException ze2) {
                    throw new PackException(where + "!" + clean(e.name()) + ": damaged (" + ze2.getMessage() + ")");
                }
                totalCompressed += e.compressedSize();
                sums.put(e.name(), HexFormat.of().formatHex(sha.digest()));
            }
        } catch (ZipException e) {
            throw new PackException(where + ": not a readable zip archive (" + e.getMessage() + ")");
        }
        if (tooDense(total, totalCompressed)) {
            throw new PackException(where + ": inflates " + total + " bytes from " + totalCompressed + " (over "
                    + ratio() + ":1); refused as a zip bomb");
        }
        return sums;
    }

    private Result install(String where, Path temp, Map<String, String> sums, Path packsRoot, Optional<OnClash> onClash)
            throws IOException {
        Path manifestFile = temp.resolve(PackManifest.FILE_NAME);
        if (!sums.containsKey(PackManifest.FILE_NAME)) {
            throw new PackException(where + ": has no " + PackManifest.FILE_NAME + "; is it a Control Room lesson pack?"
                    + " (make one with 'pack export')");
        }
        PackManifest manifest = PackManifest.parse(Files.readAllBytes(manifestFile), where + "!" + PackManifest.FILE_NAME);
        List<String> problems = new ArrayList<>();
        // every file listed, present and as summed; nothing unlisted
        Set<String> listed = new TreeSet<>();
        for (PackManifest.FileEntry f : manifest.files()) {
            listed.add(f.path());
            String sum = sums.get(f.path());
            if (sum == null) {
                problems.add(where + "!" + clean(f.path()) + ": listed in the manifest but missing from the zip");
            } else if (!sum.equals(f.sha256())) {
                problems.add(where + "!" + clean(f.path()) + ": checksum mismatch (SHA-256 " + sum + ", the manifest says "
                        + f.sha256() + "): the file was changed or damaged");
            } else if (f.bytes() != Files.size(temp.resolve(f.path()))) {
                problems.add(where + "!" + clean(f.path()) + ": " + Files.size(temp.resolve(f.path()))
                        + " bytes, the manifest says " + f.bytes());
            }
        }
        for (String name : sums.keySet()) {
            if (!name.equals(PackManifest.FILE_NAME) && !listed.contains(name)) {
                problems.add(where + "!" + clean(name) + ": in the zip but not in the manifest (no checksum to check it by)");
            }
        }
        for (PackManifest.LessonEntry l : manifest.lessons()) {
            if (!sums.containsKey(l.file())) {
                problems.add(where + "!" + PackManifest.FILE_NAME + ": lesson '" + l.id() + "' is in " + l.file()
                        + ", which the zip does not hold");
            }
        }
        if (!problems.isEmpty()) {
            throw new PackException(problems);
        }
        // every lesson loads, with the shipped ladder
        Path lessonsDir = temp.resolve("lessons");
        Path assetsDir = temp.resolve("audio-assets");
        LessonCatalog loaded = loader.load(lessonsDir, assetsDir, library.catalog().career());
        String prefix = temp.toString() + java.io.File.separator;
        for (ScriptProblem p : loaded.problems()) {
            problems.add(where + "!" + temp.relativize(p.file()).toString().replace('\\', '/') + ":" + p.line() + ":"
                    + p.column() + ": " + p.message().replace(prefix, where + "!"));
        }
        Map<String, Lesson> byEntry = new HashMap<>();
        loaded.lessons().forEach(l -> byEntry.put(temp.relativize(l.file()).toString().replace('\\', '/'), l));
        for (PackManifest.LessonEntry e : manifest.lessons()) {
            Lesson l = byEntry.get(e.file());
            if (l != null && !l.id().equals(e.id())) {
                problems.add(where + "!" + e.file() + ": its id is '" + l.id() + "', the manifest says '" + e.id() + "'");
            }
        }
        Set<String> declared = new HashSet<>();
        manifest.lessons().forEach(e -> declared.add(e.file()));
        for (String entry : byEntry.keySet()) {
            if (!declared.contains(entry)) {
                problems.add(where + "!" + entry + ": a lesson the manifest does not list");
            }
        }
        // every audio file decodes, every song loads (also those no lesson names)
        for (String name : sums.keySet()) {
            Path f = temp.resolve(name);
            String at = where + "!" + clean(name);
            if (AudioFormatKind.hasAudioExtension(name)) {
                try {
                    if (AudioFiles.info(f).frames() <= 0) {
                        problems.add(at + ": holds no audio (0 samples)");
                    }
                } catch (AudioFileException e) {
                    problems.add(at + ": not decodable audio (" + e.getMessage().replace(prefix, where + "!") + ")");
                }
            } else if (f.getFileName().toString().equals(SongLoader.FILE_NAME)) {
                try {
                    SongLoader.load(f);
                } catch (ScriptException e) {
                    e.problems().forEach(p -> problems.add(where + "!" + temp.relativize(p.file()).toString()
                            .replace('\\', '/') + ":" + p.line() + ":" + p.column() + ": " + p.message()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PackException(problems);
        }
        // ids already taken
        Set<String> taken = new HashSet<>();
        library.catalog().lessons().forEach(l -> taken.add(l.id()));
        List<String> clashing = manifest.lessons().stream().map(PackManifest.LessonEntry::id).filter(taken::contains).toList();
        String name = manifest.name();
        boolean nameTaken = Files.exists(packsRoot.resolve(name));
        if ((!clashing.isEmpty() || nameTaken) && onClash.isEmpty()) {
            List<String> msgs = new ArrayList<>();
            if (nameTaken) {
                msgs.add(where + ": a pack called '" + name + "' is already imported (" + packsRoot.resolve(name) + ")");
            }
            for (String id : clashing) {
                msgs.add(where + ": lesson id '" + id + "' is already in the catalogue");
            }
            msgs.add("nothing was imported; import again choosing to rename or skip (command line: --on-clash rename|skip)");
            throw new PackClashException(msgs, clashing);
        }
        if (nameTaken) {
            if (onClash.get() == OnClash.SKIP) {
                throw new PackException(where + ": a pack called '" + name + "' is already imported ("
                        + packsRoot.resolve(name) + "); skipped, nothing was imported");
            }
            int n = 2;
            while (Files.exists(packsRoot.resolve(name + "-" + n))) {
                n++;
            }
            name = name + "-" + n;
        }
        Map<String, String> renamed = new LinkedHashMap<>(manifest.renamed());
        List<String> skipped = new ArrayList<>();
        List<PackManifest.LessonEntry> kept = new ArrayList<>();
        Map<String, PackManifest.FileEntry> files = new LinkedHashMap<>();
        manifest.files().forEach(f -> files.put(f.path(), f));
        Set<String> ids = new HashSet<>(taken);
        manifest.lessons().forEach(e -> ids.add(e.id()));
        for (PackManifest.LessonEntry e : manifest.lessons()) {
            if (!taken.contains(e.id())) {
                kept.add(e);
                continue;
            }
            Path script = temp.resolve(e.file());
            if (onClash.get() == OnClash.SKIP) {
                Files.delete(script);
                files.remove(e.file());
                skipped.add(e.id());
                continue;
            }
            int n = 2;
            while (ids.contains(e.id() + "-" + n)) {
                n++;
            }
            String newId = e.id() + "-" + n;
            ids.add(newId);
            String text = Files.readString(script, StandardCharsets.UTF_8);
            Matcher m = ID_LINE.matcher(text);
            if (!m.find()) {
                throw new PackException(where + "!" + e.file() + ": its id line could not be found to rename '" + e.id() + "'");
            }
            String changed = text.substring(0, m.start(1)) + newId + text.substring(m.end(1));
            LessonLoader.Check check = loader.check(script, changed, assetsDir, library.catalog().career());
            if (check.lesson().isEmpty() || !check.lesson().get().id().equals(newId)) {
                throw new PackException(where + "!" + e.file() + ": renaming '" + e.id() + "' to '" + newId + "' failed: "
                        + check.problems());
            }
            byte[] bytes = changed.getBytes(StandardCharsets.UTF_8);
            Files.write(script, bytes);
            files.put(e.file(), new PackManifest.FileEntry(e.file(), HexFormat.of().formatHex(PackExport.sha256().digest(bytes)),
                    bytes.length));
            renamed.put(e.id(), newId);
            kept.add(new PackManifest.LessonEntry(newId, e.title(), e.kind(), e.file()));
        }
        if (kept.isEmpty()) {
            throw new PackException(where + ": every lesson in it is already in the catalogue (" + String.join(", ", skipped)
                    + "); skipped, nothing was imported");
        }
        PackManifest installed = new PackManifest(manifest.formatVersion(), name, manifest.created(), kept,
                new ArrayList<>(files.values()), Optional.of(clock.instant().toString()), renamed);
        Files.write(manifestFile, installed.toJson());
        Path target = packsRoot.resolve(name);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new PackException(where + ": a pack called '" + name + "' appeared while importing; nothing was imported");
        }
        return new Result(name, target, kept.stream().map(PackManifest.LessonEntry::id).toList(), renamed, skipped);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left for the next start to see: it is a dot-folder, never loaded as a pack
        }
    }
}
