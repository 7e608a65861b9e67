package org.controlroom.lesson.career;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The signature from stored mix numbers whose differences against the references are known. */
class SignaturesTest {

    /** A stored criteria JSON as MixPlay writes it, with these numbers. */
    static String mix(double lufs, double target, double[] mixDb, double[] refDb, String panDetail) {
        return String.format(Locale.ROOT, """
                [{"name":"loudness","score":90,"weight":1,"detail":"x","measured":{"integrated_lufs":%s,"target_lufs":%s}},
                 {"name":"spectrum","score":80,"weight":1,"detail":"x","measured":{"distance_db":1.0,
                   "bands_hz":[100.0,1000.0,2000.0,8000.0],"mix_db":[%s,%s,%s,%s],"reference_db":[%s,%s,%s,%s]}},
                 {"name":"panning","score":70,"weight":1,"detail":"%s","measured":{}}]""",
                lufs, target, mixDb[0], mixDb[1], mixDb[2], mixDb[3], refDb[0], refDb[1], refDb[2], refDb[3], panDetail);
    }

    static final double[] REF = {-20, -18, -22, -30};
    // mix − reference: −1, 0, +2, +3 (mean +1): the highs sit 1.5 dB up, the low end 2 dB down, level taken out
    static final double[] BRIGHT = {-21, -18, -20, -27};
    static final String WIDE = "gtr at L60, target L40 ± 10; keys at R50, target R30 ± 10";

    @Test
    void consistentDifferencesBecomeTraitsInWords() {
        List<String> mixes = List.of(mix(-12, -14, BRIGHT, REF, WIDE), mix(-12.2, -14, BRIGHT, REF, WIDE),
                mix(-11.8, -14, BRIGHT, REF, WIDE));
        Signature s = Signatures.of(mixes, 3).orElseThrow();
        assertThat(s.traits()).extracting(SignatureTrait::name).containsExactly("tilt", "loudness", "width", "low end");
        assertThat(s.traits().get(0).valueVsReference()).isEqualTo(1.5);
        assertThat(s.traits().get(1).valueVsReference()).isEqualTo(2.0);
        assertThat(s.traits().get(2).valueVsReference()).isEqualTo(20.0);
        assertThat(s.traits().get(3).valueVsReference()).isEqualTo(-2.0);
        assertThat(s.summary()).isEqualTo("your mixes sit 1.5 dB brighter, 2.0 LU louder, 20 % wider and 2.0 dB lighter"
                + " in the low end than the references (3 mixes)");
        assertThat(Signatures.distinct(java.util.Optional.of(s))).isTrue();
    }

    @Test
    void inconsistentOrTooFewMixesTellNoTrait() {
        String loud = mix(-12, -14, REF, REF, "");
        String quiet = mix(-16, -14, REF, REF, "");
        assertThat(Signatures.of(List.of(loud, loud), 3)).as("two mixes are too few").isEmpty();
        Signature s = Signatures.of(List.of(loud, quiet, loud), 3).orElseThrow();
        assertThat(s.traits()).as("+2, -2, +2 LU: no consistent loudness, spectrum on the reference").isEmpty();
        assertThat(s.summary()).contains("no consistent difference");
        assertThat(Signatures.distinct(java.util.Optional.of(s))).isFalse();
        assertThat(Signatures.of(List.of("not json", "[]", "{\"a\":1}"), 1)).as("no mix numbers").isEmpty();
    }
}
