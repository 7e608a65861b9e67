package org.controlroom.dsp.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.controlroom.dsp.AudioClip;

import javazoom.spi.mpeg.sampled.convert.MpegFormatConversionProvider;
import javazoom.spi.mpeg.sampled.file.MpegAudioFileReader;

/**
 * AIFF (the JDK's reader) and MP3 (mp3spi / JLayer) through
 * {@code javax.sound}. The codec's own reader is called directly, not through service lookup, so
 * one provider can never claim another's file.
 */
final class JavaSoundDecoding {

    private JavaSoundDecoding() {
    }

    static AudioClip read(Path file, AudioFormatKind kind) throws AudioFileException {
        try (AudioInputStream pcm = open(file, kind)) {
            AudioFormat f = pcm.getFormat();
            int channels = f.getChannels();
            int bytes = f.getSampleSizeInBits() / 8;
            boolean big = f.isBigEndian();
            boolean signed = f.getEncoding() == AudioFormat.Encoding.PCM_SIGNED;
            boolean isFloat = f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT;
            if (channels < 1 || bytes < 1 || bytes > 4 || !(signed || isFloat
                    || f.getEncoding() == AudioFormat.Encoding.PCM_UNSIGNED)) {
                throw new AudioFileException(file, "uses an unsupported " + kind.label() + " encoding ("
                        + f + ")");
            }
            float[] out = new float[1 << 16];
            int used = 0;
            byte[] buf = new byte[bytes * channels * 4096];
            int carry = 0;
            while (true) {
                int r = pcm.read(buf, carry, buf.length - carry);
                if (r < 0) {
                    break;
                }
                int have = carry + r;
                int whole = have / (bytes * channels) * (bytes * channels);
                int samples = whole / bytes;
                if (used + samples > out.length) {
                    long grown = Math.max(out.length * 2L, (long) used + samples);
                    if (grown > Integer.MAX_VALUE - 16) {
                        throw new AudioFileException(file, "is too long to load; split it into shorter files");
                    }
                    out = Arrays.copyOf(out, (int) grown);
                }
                convert(buf, samples, bytes, big, signed, isFloat, out, used);
                used += samples;
                carry = have - whole;
                System.arraycopy(buf, whole, buf, 0, carry);
            }
            if (used == 0) {
                throw new AudioFileException(file, "contains no audio that could be decoded (damaged or empty "
                        + kind.label() + ")");
            }
            if (kind == AudioFormatKind.MP3) {
                return trimGapless(file, new AudioClip(f.getSampleRate(), channels, out), used);
            }
            return new AudioClip(f.getSampleRate(), channels, Arrays.copyOf(out, used));
        } catch (AudioFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new AudioFileException(file, "is a damaged " + kind.label() + " file (" + why + ")", e);
        }
    }

    /** Rate and channels from the header; the length where the format states it exactly (AIFF), else -1. */
    static AudioInfo header(Path file, AudioFormatKind kind) throws AudioFileException {
        try (AudioInputStream pcm = open(file, kind)) {
            AudioFormat f = pcm.getFormat();
            long frames = kind == AudioFormatKind.AIFF ? pcm.getFrameLength() : -1;
            return new AudioInfo(kind, Math.round(f.getSampleRate()), f.getChannels(),
                    kind == AudioFormatKind.AIFF ? f.getSampleSizeInBits() : 0,
                    f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT, frames);
        } catch (AudioFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new AudioFileException(file, "is a damaged " + kind.label() + " file (" + why + ")", e);
        }
    }

    private static AudioInputStream open(Path file, AudioFormatKind kind) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return switch (kind) {
                case AIFF -> {
                    AudioInputStream in = AudioSystem.getAudioInputStream(raw);
                    AudioFileFormat.Type type = AudioSystem.getAudioFileFormat(file.toFile()).getType();
                    if (type != AudioFileFormat.Type.AIFF && type != AudioFileFormat.Type.AIFC) {
                        in.close();
                        throw new AudioFileException(file, "could not be read as AIFF");
                    }
                    AudioFormat.Encoding enc = in.getFormat().getEncoding();
                    if (enc != AudioFormat.Encoding.PCM_SIGNED && enc != AudioFormat.Encoding.PCM_UNSIGNED
                            && enc != AudioFormat.Encoding.PCM_FLOAT) {
                        in.close();
                        throw new AudioFileException(file, "uses an unsupported AIFF-C compression (" + enc
                                + "); convert it to plain AIFF or WAV");
                    }
                    yield in;
                }
                case MP3 -> {
                    AudioInputStream coded = new MpegAudioFileReader().getAudioInputStream(raw);
                    yield new MpegFormatConversionProvider().getAudioInputStream(pcm16(coded.getFormat()), coded);
                }
                default -> throw new IllegalArgumentException(kind + " is not read through javax.sound");
            };
        } catch (UnsupportedAudioFileException e) {
            raw.close();
            throw new AudioFileException(file, "is not a readable " + kind.label() + " file (damaged, or an "
                    + "unsupported variant)", e);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Drops the MP3's priming and padding when its encoder recorded them (JLayer decodes the Xing/Info
     * frame as one frame of silence, then the encoder delay and the synthesis delay follow), so the
     * audio is as long as the original and starts where it did. Without the figures, all is kept.
     */
    private static AudioClip trimGapless(Path file, AudioClip decoded, int usedSamples) {
        int channels = decoded.channels();
        int frames = usedSamples / channels;
        var gapless = Mp3Gapless.read(file);
        int skip = 0;
        int keep = frames;
        if (gapless.isPresent() && gapless.get().originalFrames() > 0) {
            skip = Mp3Gapless.FRAME_SAMPLES + gapless.get().encoderDelay() + Mp3Gapless.DECODER_DELAY;
            keep = (int) Math.min(gapless.get().originalFrames(), Math.max(0, frames - skip));
            if (keep <= 0) {
                skip = 0;
                keep = frames;
            }
        }
        return new AudioClip(decoded.sampleRate(), channels,
                Arrays.copyOfRange(decoded.samples(), skip * channels, (skip + keep) * channels));
    }

    private static AudioFormat pcm16(AudioFormat coded) {
        return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, coded.getSampleRate(), 16, coded.getChannels(),
                coded.getChannels() * 2, coded.getSampleRate(), false);
    }

    private static void convert(byte[] b, int samples, int bytes, boolean big, boolean signed, boolean isFloat,
                                float[] out, int at) {
        double scale = 1.0 / (1L << (bytes * 8 - 1));
        for (int i = 0, p = 0; i < samples; i++, p += bytes) {
            int v = 0;
            if (big) {
                for (int k = 0; k < bytes; k++) {
                    v = (v << 8) | (b[p + k] & 0xff);
                }
            } else {
                for (int k = bytes - 1; k >= 0; k--) {
                    v = (v << 8) | (b[p + k] & 0xff);
                }
            }
            if (isFloat && bytes == 4) {
                out[at + i] = Float.intBitsToFloat(v);
                continue;
            }
            int shift = 32 - bytes * 8;
            if (signed) {
                v = (v << shift) >> shift;
            } else {
                v -= 1 << (bytes * 8 - 1);
            }
            out[at + i] = (float) (v * scale);
        }
    }
}
