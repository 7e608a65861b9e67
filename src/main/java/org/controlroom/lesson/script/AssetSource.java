package org.controlroom.lesson.script;

import java.nio.file.Path;

/**
 * A WAV asset.
 *
 * @param path     the path as written in the script
 * @param resolved the real file it resolved to (inside the lesson's folder or audio-assets/)
 */
public record AssetSource(String path, Path resolved) implements SoundSource {
}
