package org.controlroom.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FastMathTest {

    @Test
    void levelInDecibelsIsWithinAThousandthOfADecibel() {
        Random r = new Random(2);
        for (int i = 0; i < 100_000; i++) {
            double x = Math.pow(10, -r.nextDouble() * 15) * (1 + r.nextDouble());
            assertThat(FastMath.amplitudeToDb(x)).isEqualTo(20 * Math.log10(x), within(0.001));
            assertThat(FastMath.powerToDb(x)).isEqualTo(10 * Math.log10(x), within(0.001));
        }
        assertThat(FastMath.amplitudeToDb(1)).isZero();
    }

    @Test
    void gainFromDecibelsIsWithinAThousandthOfADecibel() {
        Random r = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            double db = r.nextDouble() * 300 - 200;
            double exact = Math.pow(10, db / 20);
            assertThat(20 * Math.log10(FastMath.dbToAmplitude(db) / exact)).isEqualTo(0, within(0.001));
        }
        assertThat(FastMath.dbToAmplitude(0)).isEqualTo(1);
    }
}
