package org.controlroom.lesson.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.controlroom.lesson.script.Lesson;

/**
 * Writes lessons into a pack: each lesson script under {@code lessons/} (at its path in its lessons
 * folder), every file its sound comes from (assets of the lesson's own folder beside it, shared ones
 * under {@code audio-assets/}, a song with its manifest, stems and reference mix), and a
 * {@link PackManifest} with the SHA-256 of each. The zip is written beside the target and moved into
 * place when whole; an existing file is never overwritten.
 */
public final class PackExport {

    /** What was written. */
    public record Result(Path zip, PackManifest manifest, long bytes) {
    }

    private final LessonLibrary library;
    private final Clock clock;

    public PackExport(LessonLibrary library, Clock clock) {
        this.library = library;
        this.clock = clock;
    }

    /**
     * @param ids  the lessons to export (ids of the library's catalogue)
     * @param name the pack's name (lower-case letters, digits and '-')
     * @throws PackException naming every unknown id, an existing target, a file that cannot be read
     */
    public Result export(List<String> ids, String name, Path out) {
        List<String> problems = new ArrayList<>();
        if (ids.isEmpty()) {
            problems.add("name at least one lesson to export (see 'lessons list')");
        }
        if (!PackManifest.NAME.matcher(name).matches()) {
            problems.add("pack name '" + name + "' must be lower-case letters, digits and '-' (at most 64), e.g. "
                    + "'week-3-mixing'");
        }
        if (Files.exists(out)) {
            problems.add(out + " already exists; choose another file name (a pack is never written over a file)");
        }
        List<Lesson> lessons = new ArrayList<>();
        for (String id : ids) {
            Optional<Lesson> l = library.catalog().lesson(id);
            if (l.isEmpty()) {
                problems.add("no lesson '" + id + "' (see 'lessons list'; a lesson with errors is left out: "
                        + "'lessons validate')");
            } else if (!lessons.contains(l.get())) {
                lessons.add(l.get());
            }
        }
        // entry path -> file it comes from
        Map<String, Path> entries = new LinkedHashMap<>();
        List<PackManifest.LessonEntry> lessonEntries = new ArrayList<>();
        for (Lesson l : lessons) {
            LessonLibrary.Source src = library.source(l);
            Optional<String> script = entry(l.file(), src, problems, "lesson '" + l.id() + "'");
            script.ifPresent(e -> {
                put(entries, e, l.file(), problems);
                lessonEntries.add(new PackManifest.LessonEntry(l.id(), l.title(), l.kind().id(), e));
            });
            for (Path asset : LessonAssets.of(l)) {
                entry(asset, src, problems, "lesson '" + l.id() + "'").ifPresent(e -> put(entries, e, asset, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new PackException(problems);
        }
        Path parent = out.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempFile(parent, ".pack-", ".zip.part");
            List<PackManifest.FileEntry> files = new ArrayList<>();
            long bytes = 0;
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                for (Map.Entry<String, Path> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    MessageDigest sha = sha256();
                    long n;
                    try (InputStream in = new DigestInputStream(Files.newInputStream(e.getValue()), sha)) {
                        n = in.transferTo(new NoClose(zip));
                    }
                    zip.closeEntry();
                    bytes += n;
                    files.add(new PackManifest.FileEntry(e.getKey(), HexFormat.of().formatHex(sha.digest()), n));
                }
                PackManifest manifest = new PackManifest(PackManifest.FORMAT_VERSION, name, clock.instant().toString(),
                        lessonEntries, files, Optional.empty(), Map.of());
                zip.putNextEntry(new ZipEntry(PackManifest.FILE_NAME));
                zip.write(manifest.toJson());
                zip.closeEntry();
                zip.finish();
                zip.close();
                Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
                temp = null;
                return new Result(out, manifest, bytes);
            }
        } catch (IOException e) {
            throw new PackException("cannot write the pack " + out + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do: the part file is named .pack-*.zip.part
                }
            }
        }
    }

    private static void put(Map<String, Path> entries, String entry, Path file, List<String> problems) {
        Path before = entries.putIfAbsent(entry, file);
        if (before != null && !before.equals(file)) {
            problems.add("two different files would both be " + entry + " in the pack (" + before + " and " + file
                    + "); export them in separate packs");
        }
    }

    /** The file's path in the pack: under lessons/ when it is in the lesson's lessons folder, else under audio-assets/. */
    private static Optional<String> entry(Path file, LessonLibrary.Source src, List<String> problems, String whose) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            problems.add(whose + ": cannot read " + file + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
        for (Map.Entry<String, Path> root : List.of(Map.entry("lessons/", src.lessonsDir()),
                Map.entry("audio-assets/", src.assetsDir()))) {
            try {
                Path r = root.getValue().toRealPath();
                if (real.startsWith(r)) {
                    return Optional.of(root.getKey() + r.relativize(real).toString().replace('\\', '/'));
                }
            } catch (IOException e) {
                // that root does not exist: try the other
            }
        }
        problems.add(whose + ": " + file + " is neither in its lessons folder nor in its audio-assets; cannot pack it");
        return Optional.empty();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** Lets a copy write into the zip without closing it. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
