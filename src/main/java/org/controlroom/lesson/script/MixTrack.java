package org.controlroom.lesson.script;

/** One track of a mix session with its starting fader and pan. */
public record MixTrack(String name, AssetSource asset, double gainDb, double pan) {
}
