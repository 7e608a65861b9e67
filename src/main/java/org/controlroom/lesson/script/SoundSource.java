package org.controlroom.lesson.script;

/** What a drill plays: a generator or a WAV asset. */
public sealed interface SoundSource permits GeneratorSource, AssetSource {
}
