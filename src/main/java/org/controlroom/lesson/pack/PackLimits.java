package org.controlroom.lesson.pack;

/**
 * What an imported pack may hold: at most {@code maxFiles} entries, {@code maxBytes} unpacked (counted
 * as the data inflates, whatever the headers claim), and no entry (nor the whole) inflating more than
 * {@code maxRatio} times its compressed size once it is past {@code ratioFloorBytes} (small files of
 * text compress well and harm nobody).
 */
public record PackLimits(int maxFiles, long maxBytes, double maxRatio, long ratioFloorBytes) {

    /** 2 000 files, 500 MB, 100:1. */
    public static final PackLimits STANDARD = new PackLimits(2000, 500L * 1000 * 1000, 100, 1 << 20);

    public PackLimits {
        if (maxFiles < 1 || maxBytes < 1 || maxRatio < 1 || ratioFloorBytes < 0) {
            throw new IllegalArgumentException("pack limits must be positive");
        }
    }
}
