package org.controlroom.lesson.script;

/** One recorded take of a phrase. */
public record Take(String id, AssetSource asset) {
}
