package org.controlroom.dsp.io;

import java.nio.file.Path;

import org.controlroom.dsp.AudioClip;

/**
 * The one way in for audio files: WAV (every variant {@link WavReader} reads), AIFF, FLAC, MP3 and
 * Ogg Vorbis, mono, stereo or more channels, at any rate. The format is recognised from the file's
 * first bytes. Every problem is an {@link AudioFileException} whose message names the file and says
 * what is wrong.
 */
public final class AudioFiles {

    private AudioFiles() {
    }

    /** The file's format, rate, channels and exact decoded length. */
    public static AudioInfo info(Path file) throws AudioFileException {
        AudioFormatKind kind = AudioFormatKind.of(file);
        return switch (kind) {
            case WAV -> {
                WavInfo w = WavReader.info(file);
                yield new AudioInfo(kind, w.sampleRate(), w.channels(), w.bitsPerSample(), w.floatingPoint(), w.frames());
            }
            case FLAC -> {
                AudioInfo i = FlacDecoding.info(file);
                yield i.frames() > 0 ? i : decodedInfo(file, kind);
            }
            case AIFF -> JavaSoundDecoding.header(file, kind);
            // an Ogg Vorbis file's last page says its exact length; one that does not (cut off) is decoded
            case OGG_VORBIS -> {
                var header = OggVorbisInfo.read(file);
                yield header.isPresent() ? header.get() : decodedInfo(file, kind);
            }
            // an MP3 with an encoder's Info tag states its exact length; without one, decode to know it
            case MP3 -> {
                var tag = Mp3Gapless.read(file);
                yield tag.isPresent() && tag.get().originalFrames() > 0
                        ? new AudioInfo(kind, tag.get().sampleRate(), tag.get().channels(), 0, false,
                                tag.get().originalFrames())
                        : decodedInfo(file, kind);
            }
        };
    }

    /** The whole file, decoded to float at its own rate. */
    public static AudioClip read(Path file) throws AudioFileException {
        AudioFormatKind kind = AudioFormatKind.of(file);
        return switch (kind) {
            case WAV -> WavReader.read(file);
            case FLAC -> FlacDecoding.read(file);
            case OGG_VORBIS -> VorbisDecoding.read(file);
            case AIFF, MP3 -> JavaSoundDecoding.read(file, kind);
        };
    }

    /** The whole file, decoded and resampled once to {@code sampleRate} (a no-op when it already is). */
    public static AudioClip read(Path file, double sampleRate) throws AudioFileException {
        return Resampling.toRate(read(file), sampleRate);
    }

    private static AudioInfo decodedInfo(Path file, AudioFormatKind kind) throws AudioFileException {
        AudioClip clip = read(file);
        AudioInfo header = kind == AudioFormatKind.FLAC ? FlacDecoding.info(file) : null;
        return new AudioInfo(kind, (int) Math.round(clip.sampleRate()), clip.channels(),
                header == null ? 0 : header.bitsPerSample(), false, clip.frames());
    }
}
