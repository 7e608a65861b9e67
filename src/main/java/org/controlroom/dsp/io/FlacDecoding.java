package org.controlroom.dsp.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.controlroom.dsp.AudioClip;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/**
 * FLAC through jflac's pure-Java decoder. Samples are scaled exactly as {@link WavReader} scales the
 * same bit depth, so a FLAC made from a WAV decodes to the very same floats.
 */
final class FlacDecoding {

    private FlacDecoding() {
    }

    static AudioInfo info(Path file) throws AudioFileException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            StreamInfo si = streamInfo(file, new FLACDecoder(in));
            return new AudioInfo(AudioFormatKind.FLAC, si.getSampleRate(), si.getChannels(), si.getBitsPerSample(),
                    false, si.getTotalSamples());
        } catch (AudioFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(file, e);
        }
    }

    static AudioClip read(Path file) throws AudioFileException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            FLACDecoder decoder = new FLACDecoder(in);
            StreamInfo si = streamInfo(file, decoder);
            int channels = si.getChannels();
            int bits = si.getBitsPerSample();
            long total = si.getTotalSamples();
            if (total > (Integer.MAX_VALUE - 16) / channels) {
                throw new AudioFileException(file, "is too long to load; split it into shorter files");
            }
            // A stream may leave its length unknown (0): grow as frames arrive.
            float[] out = new float[(int) Math.max(total, 0) * channels];
            float scale = (float) (1.0 / (1L << (bits - 1)));
            long done = 0;
            while (true) {
                Frame frame = decoder.readNextFrame();
                if (frame == null) {
                    break;
                }
                int n = frame.header.blockSize;
                if (frame.header.channels != channels) {
                    throw new AudioFileException(file, "is damaged: a frame has " + frame.header.channels
                            + " channels where the stream has " + channels);
                }
                if ((done + n) * channels > out.length) {
                    if (total > 0) {
                        n = (int) (total - done);
                        if (n <= 0) {
                            break;
                        }
                    } else {
                        out = java.util.Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 16,
                                Math.max(out.length * 2L, (done + n) * channels)));
                    }
                }
                ChannelData[] data = decoder.getChannelData();
                int base = (int) done * channels;
                for (int c = 0; c < channels; c++) {
                    int[] s = data[c].getOutput();
                    for (int i = 0, j = base + c; i < n; i++, j += channels) {
                        out[j] = s[i] * scale;
                    }
                }
                done += n;
            }
            if (decoder.getBadFrames() > 0) {
                throw new AudioFileException(file, "is damaged: " + decoder.getBadFrames()
                        + " FLAC frame(s) failed their checks");
            }
            if (total > 0 && done < total) {
                throw new AudioFileException(file, "the file ends in the middle of its audio (truncated): "
                        + done + " of " + total + " frames decoded");
            }
            if (done == 0) {
                throw new AudioFileException(file, "contains no audio (no FLAC frames)");
            }
            if (done * channels < out.length) {
                out = java.util.Arrays.copyOf(out, (int) done * channels);
            }
            return new AudioClip(si.getSampleRate(), channels, out);
        } catch (AudioFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(file, e);
        }
    }

    private static StreamInfo streamInfo(Path file, FLACDecoder decoder) throws IOException {
        decoder.readMetadata();
        StreamInfo si = decoder.getStreamInfo();
        if (si == null) {
            throw new AudioFileException(file, "is damaged: its FLAC stream information block is missing");
        }
        if (si.getChannels() < 1 || si.getSampleRate() <= 0 || si.getBitsPerSample() < 4 || si.getBitsPerSample() > 32) {
            throw new AudioFileException(file, "has a damaged FLAC header (" + si.getChannels() + " channels, "
                    + si.getSampleRate() + " Hz, " + si.getBitsPerSample() + " bits)");
        }
        return si;
    }

    private static AudioFileException damaged(Path file, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.io.EOFException) {
            return new AudioFileException(file, "the file ends in the middle of its audio (truncated FLAC)", e);
        }
        return new AudioFileException(file, "is a damaged FLAC file (" + why + ")", e);
    }
}
