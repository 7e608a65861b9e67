package org.controlroom.dsp.meter;

/** Level conversions used by the meters. */
public final class Decibels {

    private Decibels() {
    }

    /** 20·log10 of a linear amplitude; negative infinity for 0. */
    public static double fromAmplitude(double amplitude) {
        return 20 * Math.log10(amplitude);
    }

    /** 10·log10 of a power (mean square); negative infinity for 0. */
    public static double fromPower(double power) {
        return 10 * Math.log10(power);
    }

    /** Linear amplitude of a level in dB. */
    public static double toAmplitude(double db) {
        return Math.pow(10, db / 20);
    }
}
