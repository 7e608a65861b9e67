package org.controlroom.lesson.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.lesson.script.LessonLoader;

/** Data folders with tutor lessons, packs exported from them, and hand-made zips (hostile ones too). */
public final class PackFixture {
    public static final Path PROJECT = Path.of(System.getProperty("controlroom.project.dir", "."));
    public static final Path SHIPPED = PROJECT.resolve("lessons");
    public static final Path ASSETS = PROJECT.resolve("audio-assets");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    private PackFixture() {
    }

    /** A level drill on a tone WAV kept in the lesson's own folder ({@code sounds/tone.wav}). */
    public static String toneDrill(String id) {
        return "id: " + id + "\n"
                + "title: \"Level steps on a tone (" + id + ")\"\n"
                + "kind: drill\n"
                + "rank: runner\n"
                + "brief: >\n  A tone plays, then plays again louder or quieter. Say by how many decibels.\n"
                + "xp: 20\n"
                + "drill:\n"
                + "  exercise: level\n"
                + "  source: sounds/tone.wav\n"
                + "  questions: 5\n"
                + "  clip_seconds: 2\n"
                + "  choices: [-6, -3, -1, 1, 3, 6]\n"
                + "  penalty_per_unit: 2\n"
                + "  target_seconds: 6\n"
                + "scoring:\n"
                + "  pass_mark: 70\n"
                + "  weights: {accuracy: 0.8, speed: 0.2}\n";
    }

    /** Writes tutor lessons into {@code data/lessons/tutor/} with the tone they use; returns the data folder. */
    public static Path tutorData(Path data, String... ids) throws Exception {
        Path dir = LessonLibrary.tutorLessons(data).resolve("tutor");
        Files.createDirectories(dir.resolve("sounds"));
        writeTone(dir.resolve("sounds/tone.wav"));
        for (String id : ids) {
            Files.writeString(dir.resolve(id + ".yaml"), toneDrill(id));
        }
        return data;
    }

    /** 6 s of a 440 Hz sine at -12 dBFS, mono 44.1 kHz. */
    public static void writeTone(Path file) throws Exception {
        int rate = 44100;
        float[] s = new float[rate * 6];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.25 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        WavWriter.write(file, new AudioClip(rate, 1, s));
    }

    public static LessonLibrary library(Path data) {
        return LessonLibrary.load(new LessonLoader(), SHIPPED, ASSETS, true, Optional.of(data));
    }

    public static PackImport importer(Path data) {
        return new PackImport(new LessonLoader(), library(data), data, PackLimits.STANDARD, CLOCK);
    }

    /** Exports {@code ids} of {@code data}'s catalogue as pack {@code name} into {@code zip}. */
    public static PackExport.Result export(Path data, String name, Path zip, String... ids) {
        return new PackExport(library(data), CLOCK).export(List.of(ids), name, zip);
    }

    /** A zip of the given entries (deflated), in order. */
    public static Path zip(Path out, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    /** The entries of a zip, read back (names → bytes), in order. */
    public static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    /** Edits the central-directory record of {@code name} in place (the buffer is positioned at the record). */
    public static void patchCentral(Path zip, String name, Consumer<ByteBuffer> edit) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (b.getInt(i) == 0x02014b50 && Short.toUnsignedInt(b.getShort(i + 28)) == wanted.length
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                edit.accept(b.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(i).slice().order(ByteOrder.LITTLE_ENDIAN));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no central record for " + name);
        }
        Files.write(zip, bytes);
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] zeros(int n) {
        return new byte[n];
    }

    /** Bytes that do not compress (a fixed seed). */
    public static byte[] noise(int n) {
        byte[] b = new byte[n];
        new java.util.Random(7).nextBytes(b);
        return b;
    }

    static ByteArrayOutputStream unused() {
        return new ByteArrayOutputStream();
    }
}
