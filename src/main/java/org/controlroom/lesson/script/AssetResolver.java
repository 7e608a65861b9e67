package org.controlroom.lesson.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.io.AudioFormatKind;
import org.controlroom.dsp.io.WavBlockReader;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Resolves a lesson's asset path: relative to the lesson's own folder first, then to
 * {@code audio-assets/}. Rejects absolute paths, {@code ..} segments, names that are not audio
 * (.wav, .aif/.aiff, .flac, .mp3, .ogg), missing files, files whose first bytes are not that kind of
 * audio or hold none (0 samples), and anything that (after following links) lies outside both roots.
 */
final class AssetResolver {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path lessonDir;
    private final Path assetsRoot;

    AssetResolver(Path lessonDir, Path assetsRoot) {
        this.lessonDir = lessonDir;
        this.assetsRoot = assetsRoot;
    }

    Optional<AssetSource> resolve(Node node, String field, Problems problems) {
        return Values.text(node, field, problems).flatMap(p -> resolve(p, node, field, problems));
    }

    Optional<AssetSource> resolve(String path, Node node, String field, Problems problems) {
        String quoted = "'" + path + "'";
        if (path.startsWith("/") || path.startsWith("\\") || DRIVE.matcher(path).matches()) {
            problems.at(node, field + ": asset path " + quoted
                    + " is absolute; give a path relative to the lesson's folder or audio-assets/");
            return Optional.empty();
        }
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                problems.at(node, field + ": asset path " + quoted
                        + " uses '..'; assets must stay inside the lesson's folder or audio-assets/");
                return Optional.empty();
            }
        }
        if (!AudioFormatKind.hasAudioExtension(path)) {
            problems.at(node, field + ": asset " + quoted + " must be an audio file ("
                    + AudioFormatKind.allExtensions() + ")");
            return Optional.empty();
        }
        Optional<Path> found = Optional.empty();
        boolean escaped = false;
        for (Path root : new Path[] {lessonDir, assetsRoot}) {
            Optional<Path> candidate = inside(root, path);
            if (candidate.isPresent()) {
                found = candidate;
                break;
            }
            escaped |= existsOutside(root, path);
        }
        if (found.isEmpty()) {
            if (escaped) {
                problems.at(node, field + ": asset " + quoted
                        + " resolves outside the lesson's folder and audio-assets/ (through a link); not allowed");
            } else {
                problems.at(node, field + ": asset " + quoted + " not found in the lesson's folder ("
                        + lessonDir + ") or in audio-assets/ (" + assetsRoot + ")");
            }
            return Optional.empty();
        }
        Path real = found.get();
        if (!Files.isRegularFile(real)) {
            problems.at(node, field + ": asset " + quoted + " is not a file");
            return Optional.empty();
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".wav") || lower.endsWith(".wave")) {
            if (!isWave(real)) {
                problems.at(node, field + ": asset " + quoted + " is not a WAV file (no RIFF/WAVE header)");
                return Optional.empty();
            }
        } else {
            try {
                AudioFormatKind.of(real);
            } catch (AudioFileException e) {
                problems.at(node, field + ": asset " + quoted + " is not readable audio ("
                        + e.getMessage().substring(e.getMessage().indexOf(": ") + 2) + ")");
                return Optional.empty();
            }
        }
        try {
            if (decodedFrames(real) == 0) {
                problems.at(node, field + ": asset " + quoted + " holds no audio (0 samples); nothing could be "
                        + "played from it");
                return Optional.empty();
            }
        } catch (AudioFileException e) {
            problems.at(node, field + ": asset " + quoted + " cannot be read: "
                    + e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            return Optional.empty();
        }
        return Optional.of(new AssetSource(path, real));
    }

    /**
     * Decodes the whole file (block by block, nothing kept) and counts its frames: what the lesson
     * will really get, so a damaged sample (NaN, infinity) or a short read is found at validation,
     * not in the middle of an attempt.
     */
    private static long decodedFrames(Path file) throws AudioFileException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".wav") && !name.endsWith(".wave")) {
            // compressed formats: their decoders give finite samples; the length comes from the headers
            return AudioFiles.info(file).frames();
        }
        try (WavBlockReader in = WavBlockReader.open(file)) {
            float[] block = new float[4096 * in.info().channels()];
            long frames = 0;
            int n;
            while ((n = in.read(block, 0, 4096)) > 0) {
                frames += n;
            }
            return frames;
        }
    }

    /** The real path of root/relative if it exists and really lies inside root. */
    private static Optional<Path> inside(Path root, String relative) {
        try {
            Path candidate = root.resolve(relative);
            if (!Files.exists(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            Path realRoot = root.toRealPath();
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean existsOutside(Path root, String relative) {
        try {
            return Files.exists(root.resolve(relative));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isWave(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(12);
            if (head.length < 12) {
                return false;
            }
            String riff = new String(head, 0, 4, StandardCharsets.US_ASCII);
            String wave = new String(head, 8, 4, StandardCharsets.US_ASCII);
            return (riff.equals("RIFF") || riff.equals("RF64")) && wave.equals("WAVE");
        } catch (IOException e) {
            return false;
        }
    }
}
