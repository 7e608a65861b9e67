package org.controlroom.lesson.script;

import java.util.List;

/** A built-in signal generator, e.g. {@code pink-noise}. */
public record GeneratorSource(String name) implements SoundSource {
    /** The generator names scripts may use. */
    public static final List<String> NAMES = List.of("pink-noise", "white-noise");
}
