package org.controlroom.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.controlroom.dsp.meter.LoudnessSummary;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.mix.OfflineRenderer;

/**
 * Measures a mix from its render: integrated loudness (BS.1770), true peak, clipping, and each
 * track's loudness heard alone (solo in place, so its strip, fader, bus and the master all count).
 */
public final class MixAnalysis {
    private final OfflineRenderer renderer;

    public MixAnalysis(OfflineRenderer renderer) {
        this.renderer = renderer;
    }

    public MixAnalysis() {
        this(new OfflineRenderer());
    }

    /** Renders {@code frames} frames of the mixer and measures them; the mixer's mute/solo are restored. */
    public MixMeasurement measure(Mixer mixer, long frames) {
        AudioClip mix = render(mixer, frames);
        LoudnessSummary whole = LoudnessAnalyzer.measure(mix);
        long clipped = 0;
        for (float s : mix.samples()) {
            if (Math.abs(s) >= 1f || !Float.isFinite(s)) {
                clipped++;
            }
        }
        List<Mixer.Track> tracks = mixer.tracks();
        boolean[] solo = new boolean[tracks.size()];
        for (int i = 0; i < solo.length; i++) {
            solo[i] = tracks.get(i).isSolo();
        }
        Map<String, Double> alone = new LinkedHashMap<>();
        try {
            for (int i = 0; i < tracks.size(); i++) {
                Mixer.Track t = tracks.get(i);
                boolean audible = !t.isMuted() && (!anySolo(solo) || solo[i]);
                if (!audible) {
                    alone.put(t.name(), Double.NEGATIVE_INFINITY);
                    continue;
                }
                for (int j = 0; j < tracks.size(); j++) {
                    tracks.get(j).setSolo(j == i);
                }
                alone.put(t.name(), LoudnessAnalyzer.measure(render(mixer, frames)).integratedLufs());
            }
        } finally {
            for (int i = 0; i < tracks.size(); i++) {
                tracks.get(i).setSolo(solo[i]);
            }
        }
        return new MixMeasurement(whole.integratedLufs(), whole.truePeakDbtp(), whole.samplePeakDbfs(), clipped, alone,
                mix.seconds(), mix);
    }

    private AudioClip render(Mixer mixer, long frames) {
        mixer.reset();
        return renderer.render(mixer, frames);
    }

    private static boolean anySolo(boolean[] solo) {
        for (boolean s : solo) {
            if (s) {
                return true;
            }
        }
        return false;
    }
}
