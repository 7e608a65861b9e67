package org.controlroom.dsp.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The gapless-playback figures an MP3 encoder (LAME, FFmpeg) writes into its first frame, the
 * Xing/Info frame: how many frames follow, and how many samples of encoder delay and end padding to
 * drop so the decoded audio is as long as the original and starts where it did.
 */
record Mp3Gapless(long frames, int encoderDelay, int padding, int sampleRate, int channels) {

    /** Samples per MPEG-1 Layer III frame. */
    static final int FRAME_SAMPLES = 1152;
    /** The MP3 decoder's own delay (the synthesis filter bank), the figure gapless players use. */
    static final int DECODER_DELAY = 529;

    /** Reads the Xing/Info + LAME tag; empty when there is none (an MP3 from an encoder that writes none). */
    static Optional<Mp3Gapless> read(Path file) {
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes(1 << 16);
        } catch (IOException e) {
            return Optional.empty();
        }
        int pos = 0;
        if (b.length >= 10 && b[0] == 'I' && b[1] == 'D' && b[2] == '3') {
            int size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
            pos = 10 + size + ((b[5] & 0x10) != 0 ? 10 : 0);
        }
        if (pos + 4 > b.length || (b[pos] & 0xff) != 0xff || (b[pos + 1] & 0xe0) != 0xe0) {
            return Optional.empty();
        }
        boolean mpeg1 = (b[pos + 1] & 0x18) == 0x18;
        boolean mono = (b[pos + 3] & 0xc0) == 0xc0;
        int rateIndex = (b[pos + 2] & 0x0c) >> 2;
        if (rateIndex == 3) {
            return Optional.empty();
        }
        int rate = new int[] {44100, 48000, 32000}[rateIndex];
        // the side information's size decides where the Xing/Info header sits
        int xing = pos + 4 + (mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
        if (!mpeg1 || xing + 120 + 24 > b.length) {
            return Optional.empty();
        }
        String tag = new String(b, xing, 4, StandardCharsets.ISO_8859_1);
        if (!tag.equals("Xing") && !tag.equals("Info")) {
            return Optional.empty();
        }
        int flags = readInt(b, xing + 4);
        if ((flags & 1) == 0) {
            return Optional.empty();
        }
        long frames = Integer.toUnsignedLong(readInt(b, xing + 8));
        int at = xing + 8;
        for (int bit : new int[] {1, 2, 4, 8}) {
            if ((flags & bit) != 0) {
                at += bit == 4 ? 100 : 4;
            }
        }
        String encoder = new String(b, at, 4, StandardCharsets.ISO_8859_1);
        if (!encoder.equals("LAME") && !encoder.equals("Lavc") && !encoder.equals("Lavf")) {
            return Optional.empty();
        }
        int d0 = b[at + 21] & 0xff;
        int d1 = b[at + 22] & 0xff;
        int d2 = b[at + 23] & 0xff;
        int delay = (d0 << 4) | (d1 >> 4);
        int padding = ((d1 & 0x0f) << 8) | d2;
        return Optional.of(new Mp3Gapless(frames, delay, padding, rate, mono ? 1 : 2));
    }

    /** Frames of audio the encoder was given. */
    long originalFrames() {
        return frames * FRAME_SAMPLES - encoderDelay - padding;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
