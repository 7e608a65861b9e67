package org.controlroom.dsp.mix;

/** Sample rates written the way a user reads them in messages. */
final class SampleRates {

    private SampleRates() {
    }

    static String describe(double rate) {
        return rate == Math.rint(rate) ? (long) rate + " Hz" : rate + " Hz";
    }
}
