package org.controlroom.dsp;

import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;

/**
 * Base of the engine's processors: a {@link BlockProcessor} that is also a TarsosDSP
 * {@link AudioProcessor}, so it joins an {@code AudioDispatcher} chain as well as the offline hot loop.
 *
 * <p>When used on a dispatcher, call {@link #prepare(double, int, int)} first with the dispatcher's
 * format; the event's float buffer is processed in place.
 */
public abstract class DspProcessor implements BlockProcessor, AudioProcessor {

    @Override
    public boolean process(AudioEvent audioEvent) {
        float[] buffer = audioEvent.getFloatBuffer();
        process(buffer, 0, buffer.length);
        return true;
    }

    @Override
    public void processingFinished() {
    }
}
