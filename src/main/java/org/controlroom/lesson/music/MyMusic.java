package org.controlroom.lesson.music;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.io.AudioFormatKind;
import org.controlroom.dsp.meter.LoudnessAnalyzer;

/**
 * The learner's own music: what they added (files and folders) and the state of every file in it.
 * Nothing here throws for a bad file: a moved, damaged or silent file becomes an entry with that
 * status. Checking decodes each file once, so call it off the UI thread.
 */
public final class MyMusic {

    /** Files quieter than this (integrated loudness) count as silent. */
    static final double SILENT_BELOW_LUFS = -60;
    /** How deep folders are searched. */
    private static final int MAX_DEPTH = 8;

    private MyMusic() {
    }

    /**
     * The audio files the added paths stand for, in order, each once: a file as itself, a folder as
     * the audio files (by extension) inside it and its sub-folders, sorted by path. An added path that
     * no longer exists is listed as itself (so it shows up as moved).
     */
    public static List<Path> files(Collection<Path> added) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : added) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                try (Stream<Path> s = Files.walk(abs, MAX_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> AudioFormatKind.hasAudioExtension(f.getFileName().toString()))
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(out::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    out.add(abs);
                }
            } else {
                out.add(abs);
            }
        }
        return List.copyOf(out);
    }

    /** Checks every file the added paths stand for. */
    public static List<MusicEntry> scan(Collection<Path> added) {
        List<MusicEntry> out = new ArrayList<>();
        for (Path f : files(added)) {
            out.add(check(f));
        }
        return List.copyOf(out);
    }

    /** Checks one file: is it there, can it be decoded, is there sound in it. */
    public static MusicEntry check(Path file) {
        if (!Files.exists(file)) {
            return new MusicEntry(file, MusicStatus.MOVED, "not found where it was added: " + file, 0);
        }
        if (Files.isDirectory(file)) {
            return new MusicEntry(file, MusicStatus.DAMAGED, "is a folder with no readable audio files", 0);
        }
        try {
            AudioClip clip = AudioFiles.read(file);
            return judge(file, clip, AudioFiles.info(file).describe());
        } catch (AudioFileException e) {
            return new MusicEntry(file, MusicStatus.DAMAGED, problem(e), 0);
        } catch (RuntimeException | OutOfMemoryError e) {
            return new MusicEntry(file, MusicStatus.DAMAGED, "could not be decoded (" + e.getClass().getSimpleName()
                    + ")", 0);
        }
    }

    static MusicEntry judge(Path file, AudioClip clip, String format) {
        double lufs = LoudnessAnalyzer.measure(clip).integratedLufs();
        double seconds = clip.seconds();
        if (!(lufs > SILENT_BELOW_LUFS)) {
            return new MusicEntry(file, MusicStatus.SILENT, String.format(Locale.ROOT, "silent (%s, %.1f s)",
                    Double.isFinite(lufs) ? String.format(Locale.ROOT, "%.0f LUFS", lufs) : "no sound at all", seconds),
                    seconds);
        }
        return new MusicEntry(file, MusicStatus.OK, String.format(Locale.ROOT, "%s, %d:%02d, %.1f LUFS", format,
                (int) seconds / 60, (int) seconds % 60, lufs), seconds);
    }

    /** The exception's problem without the file name it starts with. */
    static String problem(AudioFileException e) {
        String m = String.valueOf(e.getMessage());
        String prefix = e.file() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
