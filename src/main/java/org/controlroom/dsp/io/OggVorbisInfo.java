package org.controlroom.dsp.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Rate, channels and exact length of an Ogg Vorbis file without decoding it: the identification
 * header on the first page, and the granule position (samples so far) of the last page.
 */
final class OggVorbisInfo {

    private static final int TAIL = 1 << 16;

    private OggVorbisInfo() {
    }

    static Optional<AudioInfo> read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            head.flip();
            if (head.limit() < 58 || !"OggS".equals(ascii(head, 0, 4))) {
                return Optional.empty();
            }
            int segments = head.get(26) & 0xff;
            int packet = 27 + segments;
            if (head.limit() < packet + 16 || head.get(packet) != 1 || !"vorbis".equals(ascii(head, packet + 1, 6))) {
                return Optional.empty();
            }
            int channels = head.get(packet + 11) & 0xff;
            long rate = Integer.toUnsignedLong(head.getInt(packet + 12));
            long size = ch.size();
            long from = Math.max(0, size - TAIL);
            ByteBuffer tail = ByteBuffer.allocate((int) (size - from)).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(tail, from);
            tail.flip();
            for (int i = tail.limit() - 27; i >= 0; i--) {
                if (tail.get(i) == 'O' && tail.get(i + 1) == 'g' && tail.get(i + 2) == 'g' && tail.get(i + 3) == 'S'
                        && (tail.get(i + 5) & 0x04) != 0) { // the end-of-stream page
                    long granule = tail.getLong(i + 6);
                    if (granule <= 0 || channels < 1 || rate <= 0 || rate > Integer.MAX_VALUE) {
                        return Optional.empty();
                    }
                    return Optional.of(new AudioInfo(AudioFormatKind.OGG_VORBIS, (int) rate, channels, 0, false, granule));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String ascii(ByteBuffer b, int from, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = b.get(from + i);
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
