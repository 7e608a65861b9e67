package org.controlroom.lesson.script;

/** A named stem of an arrangement. */
public record Stem(String name, AssetSource asset) {
}
