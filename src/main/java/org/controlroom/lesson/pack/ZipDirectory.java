package org.controlroom.lesson.pack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A zip file's central directory, read by hand: {@code java.util.zip} does not show an entry's external
 * attributes, and those are where a Unix symbolic link is marked. Only the directory is read here (names,
 * claimed sizes, attributes); the data is read later and counted as it inflates, since a directory may lie.
 */
final class ZipDirectory {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int UNIX = 3;
    private static final int TYPE_MASK = 0170000;
    private static final int SYMLINK = 0120000;

    /** One central-directory record. */
    record Entry(String name, int method, long compressedSize, long size, int versionMadeBy, long externalAttributes) {
        boolean directory() {
            return name.endsWith("/");
        }

        /** A Unix symbolic link (made on Unix, file type bits 0120000 in the upper half of the external attributes). */
        boolean symlink() {
            return (versionMadeBy >> 8) == UNIX && ((externalAttributes >>> 16) & TYPE_MASK) == SYMLINK;
        }
    }

    private ZipDirectory() {
    }

    /**
     * The entries of a zip file, in directory order; at most {@code maxEntries + 1} are read (one more
     * than allowed is enough to refuse).
     *
     * @throws PackException when the file is not a zip archive (no end record, a damaged directory) or is Zip64
     */
    static List<Entry> read(Path zip, int maxEntries) throws IOException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + MAX_COMMENT);
            ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(end, size - tail);
            int at = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == END_SIGNATURE) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw new PackException(zip + " is not a zip archive (no end of central directory)");
            }
            int total = Short.toUnsignedInt(end.getShort(at + 10));
            long dirSize = Integer.toUnsignedLong(end.getInt(at + 12));
            long dirOffset = Integer.toUnsignedLong(end.getInt(at + 16));
            if (total == 0xFFFF || dirOffset == 0xFFFFFFFFL || dirSize == 0xFFFFFFFFL) {
                throw new PackException(zip + " is a Zip64 archive; a lesson pack is a plain zip (at most 2 000 files)");
            }
            if (dirOffset + dirSize > size) {
                throw new PackException(zip + " is damaged: its central directory lies past the end of the file");
            }
            ByteBuffer dir = ByteBuffer.allocate((int) Math.min(dirSize, 64L << 20)).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(dir, dirOffset);
            List<Entry> entries = new ArrayList<>();
            int p = 0;
            while (p + 46 <= dir.limit() && entries.size() <= maxEntries) {
                if (dir.getInt(p) != ENTRY_SIGNATURE) {
                    throw new PackException(zip + " is damaged: a bad central directory record at byte "
                            + (dirOffset + p));
                }
                int madeBy = Short.toUnsignedInt(dir.getShort(p + 4));
                int method = Short.toUnsignedInt(dir.getShort(p + 10));
                long compressed = Integer.toUnsignedLong(dir.getInt(p + 20));
                long uncompressed = Integer.toUnsignedLong(dir.getInt(p + 24));
                int nameLength = Short.toUnsignedInt(dir.getShort(p + 28));
                int extraLength = Short.toUnsignedInt(dir.getShort(p + 30));
                int commentLength = Short.toUnsignedInt(dir.getShort(p + 32));
                long external = Integer.toUnsignedLong(dir.getInt(p + 38));
                if (p + 46 + nameLength > dir.limit()) {
                    throw new PackException(zip + " is damaged: a name runs past the central directory");
                }
                byte[] name = new byte[nameLength];
                dir.get(p + 46, name);
                entries.add(new Entry(new String(name, StandardCharsets.UTF_8), method, compressed, uncompressed,
                        madeBy, external));
                p += 46 + nameLength + extraLength + commentLength;
            }
            return entries;
        }
    }
}
