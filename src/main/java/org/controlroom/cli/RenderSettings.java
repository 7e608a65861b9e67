package org.controlroom.cli;

import java.util.List;
import java.util.Optional;

/**
 * What {@code render} was asked to do, checked: EQ bands in the order given, then the compressor,
 * then the output gain, then the pan.
 */
public record RenderSettings(List<EqBandSpec> bands, Optional<CompressorSpec> compressor, double gainDb,
                             Optional<Double> pan) {

    public RenderSettings {
        bands = List.copyOf(bands);
    }

    /** Nothing to do: the output equals the input. */
    public boolean isEmpty() {
        return bands.isEmpty() && compressor.isEmpty() && gainDb == 0 && pan.isEmpty();
    }
}
