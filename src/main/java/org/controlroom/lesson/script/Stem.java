package org.controlroom.lesson.script;

/**
 * A named stem of an arrangement.
 *
 * @param gainDb its level in the arrangement's mix, dB (0: as the file is)
 * @param pan    -1 left to 1 right
 */
public record Stem(String name, AssetSource asset, double gainDb, double pan) {

    public Stem(String name, AssetSource asset) {
        this(name, asset, 0, 0);
    }
}
