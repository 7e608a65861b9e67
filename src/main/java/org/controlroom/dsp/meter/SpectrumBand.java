package org.controlroom.dsp.meter;

/**
 * One 1/3-octave band: its nominal ISO centre in Hz and its level in dB relative to a full-scale
 * sine (a sine of amplitude 1.0 whose energy falls in the band reads 0 dB). A band with no energy,
 * or too narrow for the analysis to resolve, reads negative infinity.
 */
public record SpectrumBand(double centreHz, double db) {
}
