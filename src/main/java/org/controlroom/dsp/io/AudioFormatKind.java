package org.controlroom.dsp.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The audio file formats Control Room reads, recognised by their first bytes (never by the name
 * alone, so a renamed file is still read correctly).
 */
public enum AudioFormatKind {
    WAV("WAV", List.of(".wav", ".wave")),
    AIFF("AIFF", List.of(".aif", ".aiff", ".aifc")),
    FLAC("FLAC", List.of(".flac")),
    MP3("MP3", List.of(".mp3")),
    OGG_VORBIS("Ogg Vorbis", List.of(".ogg", ".oga"));

    private final String label;
    private final List<String> extensions;

    AudioFormatKind(String label, List<String> extensions) {
        this.label = label;
        this.extensions = extensions;
    }

    /** A name for people: {@code Ogg Vorbis}. */
    public String label() {
        return label;
    }

    /** File name endings of this format, lower case with the dot. */
    public List<String> extensions() {
        return extensions;
    }

    /** Whether a file name ends in one of the readable formats' extensions. */
    public static boolean hasAudioExtension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (AudioFormatKind k : values()) {
            for (String e : k.extensions) {
                if (lower.endsWith(e)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every readable extension, for messages: {@code .wav, .wave, .aif, …}. */
    public static String allExtensions() {
        StringBuilder sb = new StringBuilder();
        for (AudioFormatKind k : values()) {
            for (String e : k.extensions) {
                sb.append(sb.length() == 0 ? "" : ", ").append(e);
            }
        }
        return sb.toString();
    }

    /**
     * Recognises a file's format from its first bytes.
     *
     * @throws AudioFileException when the file cannot be opened or is none of the readable formats
     */
    public static AudioFormatKind of(Path file) throws AudioFileException {
        if (Files.isDirectory(file) && !hasAudioExtension(file.getFileName() == null ? "" : file.getFileName().toString())) {
            WavReader.info(file); // the WAV reader's own words for a folder
        }
        if (Files.isDirectory(file)) {
            throw new AudioFileException(file, "is a folder, not an audio file");
        }
        java.util.Optional<String> special = RegularFile.notRegular(file);
        if (special.isPresent()) {
            // a named pipe or a device would block the read below, or never end
            throw new AudioFileException(file, "is " + special.get() + ", not an audio file; give an ordinary file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, "file not found; check the name and folder", e);
        } catch (AccessDeniedException e) {
            throw new AudioFileException(file, "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot be opened (" + WavReader.describe(e) + ")", e);
        }
        if (head.length == 0) {
            throw new AudioFileException(file, "is empty (0 bytes)");
        }
        String magic = ascii(head, 0, 4);
        if (magic.equals("RIFF") || magic.equals("RF64") || magic.equals("BW64") || magic.equals("RIFX")) {
            return WAV;
        }
        if (magic.equals("FORM")) {
            String type = ascii(head, 8, 4);
            if (type.equals("AIFF") || type.equals("AIFC")) {
                return AIFF;
            }
            throw new AudioFileException(file, "is an IFF file of type '" + type + "', not AIFF audio");
        }
        if (magic.equals("fLaC")) {
            return FLAC;
        }
        if (magic.equals("OggS")) {
            return OGG_VORBIS;
        }
        if (magic.startsWith("ID3")) {
            return MP3;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xe0) == 0xe0 && (head[1] & 0x06) != 0) {
            return MP3;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!hasAudioExtension(name) || name.endsWith(".wav") || name.endsWith(".wave")) {
            WavReader.info(file); // throws the WAV reader's own message ("not a WAV file (no RIFF/WAVE header)")
        }
        throw new AudioFileException(file, "is not a readable audio file (not WAV, AIFF, FLAC, MP3 or Ogg Vorbis"
                + (head.length < 4 ? ": only " + head.length + " bytes" : "") + ")");
    }

    private static String ascii(byte[] b, int from, int len) {
        if (b.length < from + len) {
            return "";
        }
        return new String(b, from, len, StandardCharsets.ISO_8859_1);
    }
}
