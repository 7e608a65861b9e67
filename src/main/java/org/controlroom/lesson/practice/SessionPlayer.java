package org.controlroom.lesson.practice;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.meter.LoudnessMeter;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.controlroom.dsp.mix.OfflineRenderer;
import org.controlroom.lesson.script.AssetSource;
import org.controlroom.lesson.session.SessionListener;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.play.AudioOutput;
import org.controlroom.dsp.play.JavaSoundOutput;
import org.controlroom.dsp.play.LoopRegion;
import org.controlroom.dsp.play.MeterSnapshot;
import org.controlroom.dsp.play.MixerPlayback;
import org.controlroom.dsp.play.PlaybackUnavailableException;
import org.controlroom.dsp.play.Player;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.SessionSound;
import org.controlroom.lesson.session.SoundLibrary;

/**
 * Plays a session live while the learner edits it: every edit reaches the mixer at the next block.
 * The sound device is opened on the first {@link #play()}; with none, play says why and the meters
 * still read the session offline (nothing else changes). The transport loops and jumps to the song's
 * sections, A/Bs against the reference mix loudness-matched and bypasses all processing; a meter
 * thread computes the live spectrum while it plays. Call from one thread (the screen's worker); the
 * readings ({@link #meters()}, {@link #spectrum()}) from any.
 */
public final class SessionPlayer implements AutoCloseable {
    static final int BLOCK_FRAMES = 512;
    static final int BUFFER_FRAMES = 2048;

    /** Bands of the live spectrum, from the 1/3-octave analysis of the last {@value #SPECTRUM_FRAMES} frames heard. */
    static final int SPECTRUM_FRAMES = 16384;
    /** How often the meter thread computes the live spectrum. */
    static final long SPECTRUM_PERIOD_MS = 33;

    private final LessonSession session;
    private final SoundLibrary library = new SoundLibrary();
    private final SessionSound sound;
    private final MixerPlayback playback;
    private final AudioOutput.Factory outputs;
    private final MixSong song;
    private Player player;
    private String unavailable;
    // loudness matching of the reference (worker thread)
    private double referenceLufs = Double.NaN;
    private double referencePeakDb = Double.NaN;
    private double mixLufs = Double.NaN;
    private volatile boolean mixChanged = true;
    private double shortfall;
    /** The reference is never played louder than this sample peak. */
    static final double REFERENCE_PEAK_DBFS = -0.1;
    private final SessionListener changes = (s, what) -> mixChanged = true;
    // the live spectrum (meter thread)
    private final Object spectrumLock = new Object();
    private ScheduledExecutorService meterThread;
    private volatile List<SpectrumBand> spectrum = List.of();

    /** A player for the default sound device. */
    public SessionPlayer(LessonSession session) throws AudioFileException {
        this(session, JavaSoundOutput::open);
    }

    /** A player for the given outputs (tests hand in an offline one). */
    public SessionPlayer(LessonSession session, AudioOutput.Factory outputs) throws AudioFileException {
        this.session = session;
        this.sound = session.sound(library, BLOCK_FRAMES);
        this.playback = new MixerPlayback(sound.mixer(), sound.frames(), MixerPlayback.DEFAULT_FADE_MS);
        this.outputs = outputs;
        this.song = MixSong.of(session.lesson());
        session.addListener(changes);
    }

    /** The sections of the session's song (empty for a lesson on loose files). */
    public List<MixSong.Section> sections() {
        return song.sections();
    }

    /** Whether there is a reference mix to A/B against. */
    public boolean hasReference() {
        return song.reference().isPresent();
    }

    /**
     * Loops a section of the song and moves there.
     *
     * @throws IllegalArgumentException for a section the song does not have
     */
    public void loopSection(String id) {
        MixSong.Section s = section(id);
        loop(Optional.of(new double[] {s.startSeconds(), Math.min(s.endSeconds(), Math.max(lengthSeconds(),
                s.startSeconds() + 0.1))}));
        seekSeconds(s.startSeconds());
    }

    /** Jumps to the start of a section (a loop elsewhere is let go). */
    public void jumpToSection(String id) {
        MixSong.Section s = section(id);
        playback.loop().ifPresent(l -> {
            if (!(s.startSeconds() * playback.sampleRate() >= l.startFrame()
                    && s.startSeconds() * playback.sampleRate() < l.endFrame())) {
                playback.clearLoop();
            }
        });
        seekSeconds(s.startSeconds());
    }

    private MixSong.Section section(String id) {
        return song.sections().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no section '" + id + "' in this song (sections: "
                        + String.join(", ", song.sections().stream().map(MixSong.Section::id).toList()) + ")"));
    }

    /**
     * Switches between the mix and the reference mix, the reference loudness-matched to the mix: both
     * are measured (BS.1770 integrated loudness of the whole reference, of the whole mix rendered
     * offline) the first time, and the mix again whenever it has changed since. Decodes and renders:
     * call it on the worker.
     *
     * @return the gain the reference plays at, dB
     * @throws IllegalStateException when there is no reference mix
     */
    public double listen(MixerPlayback.Listening side) throws AudioFileException {
        if (side == MixerPlayback.Listening.REFERENCE) {
            AssetSource ref = song.reference().orElseThrow(() -> new IllegalStateException(
                    "this lesson has no reference mix to compare with"));
            if (playback.reference().isEmpty()) {
                AudioClip clip = library.clip(ref);
                referenceLufs = LoudnessMeter.integratedLufs(clip);
                float peak = 0;
                for (float v : clip.samples()) {
                    peak = Math.max(peak, Math.abs(v));
                }
                referencePeakDb = 20 * Math.log10(peak);
                playback.setReference(clip);
            }
            if (mixChanged || Double.isNaN(mixLufs)) {
                mixChanged = false;
                mixLufs = renderedLufs();
            }
            double gain = Double.isFinite(mixLufs) && Double.isFinite(referenceLufs) ? mixLufs - referenceLufs : 0;
            // never raised into clipping: a mix louder than the reference is matched as far as the
            // reference's peaks allow (matchShortfallDb() says by how much it falls short)
            double room = Double.isFinite(referencePeakDb) ? REFERENCE_PEAK_DBFS - referencePeakDb : 40;
            shortfall = Math.max(0, gain - room);
            playback.setReferenceGainDb(Math.max(-80, Math.min(40, Math.min(gain, room))));
        }
        playback.listen(side);
        return playback.referenceGainDb();
    }

    /** What sounds now: the mix or the reference (it follows {@link #listen} through the fade). */
    public MixerPlayback.Listening heard() {
        return playback.heard();
    }

    /** The session's sample rate. */
    public double sampleRate() {
        return playback.sampleRate();
    }

    /** What is asked to be heard (the playing side). */
    public MixerPlayback.Listening listening() {
        return playback.listening();
    }

    /** How far the last match fell short of equal loudness (the reference would have clipped), dB; 0 when matched. */
    public double matchShortfallDb() {
        return shortfall;
    }

    /** The integrated loudness of the mix and of the reference as last matched, LUFS (NaN before). */
    public double[] matchedLufs() {
        return new double[] {mixLufs, referenceLufs};
    }

    private double renderedLufs() throws AudioFileException {
        try (SessionSound offline = session.sound(library, 1024)) {
            LoudnessMeter meter = new LoudnessMeter();
            meter.prepare(offline.mixer().sampleRate(), 2, 1024);
            new OfflineRenderer().render(offline.mixer(), offline.frames(), (block, n) -> meter.process(block, 0, 2 * n),
                    done -> { });
            return meter.integratedLufs();
        }
    }

    /** Takes all processing (EQ, compressors, limiter) out of what is heard, or puts it back. */
    public void bypass(boolean on) {
        playback.setBypassed(on);
    }

    public boolean isBypassed() {
        return playback.isBypassed();
    }

    /**
     * The live 1/3-octave spectrum of what is heard (computed on the meter thread from the playback's
     * scope, about 30 times a second while playing); empty before anything has sounded.
     */
    public List<SpectrumBand> spectrum() {
        return spectrum;
    }

    private void startMeterThread() {
        synchronized (spectrumLock) {
            if (meterThread != null) {
                return;
            }
            meterThread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mix-meters");
                t.setDaemon(true);
                return t;
            });
            float[] frames = new float[SPECTRUM_FRAMES];
            ThirdOctaveSpectrum analysis = new ThirdOctaveSpectrum(SPECTRUM_FRAMES);
            analysis.prepare(playback.sampleRate(), 1, SPECTRUM_FRAMES);
            long[] last = {-1};
            meterThread.scheduleAtFixedRate(() -> {
                long written = playback.scope(frames);
                if (written == last[0]) {
                    return;   // nothing new sounded
                }
                last[0] = written;
                analysis.reset();
                analysis.process(frames, 0, frames.length);
                spectrum = analysis.bands();
            }, 0, SPECTRUM_PERIOD_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts (or resumes) playing. With no sound device it plays silently (the meters, the spectrum
     * and the transport go on) and {@link #unavailable()} says why there is no sound.
     */
    public void play() {
        if (player == null) {
            try {
                player = Player.open(playback, BUFFER_FRAMES, outputs);
            } catch (PlaybackUnavailableException e) {
                unavailable = e.getMessage();
                try {
                    player = Player.open(playback, BUFFER_FRAMES, SilentClockOutput.factory());
                } catch (PlaybackUnavailableException never) {
                    throw new IllegalStateException(never);
                }
            }
        }
        playback.setLength(sound.frames());
        playback.play();
        startMeterThread();
    }

    /** Clears the peak holds, clip lights and the integrated loudness. */
    public void resetMeters() {
        playback.resetMeters();
    }

    public void stop() {
        playback.stop();
    }

    public boolean isPlaying() {
        return playback.isPlaying();
    }

    /** Jumps to a time, in seconds. */
    public void seekSeconds(double seconds) {
        playback.seek(Math.max(0, Math.round(seconds * playback.sampleRate())));
    }

    /** Loops a region of the session (a section), in seconds; empty to stop looping. */
    public void loop(Optional<double[]> fromTo) {
        if (fromTo.isEmpty()) {
            playback.clearLoop();
        } else {
            double rate = playback.sampleRate();
            playback.setLoop(new LoopRegion(Math.round(fromTo.get()[0] * rate), Math.round(fromTo.get()[1] * rate)));
        }
    }

    public double positionSeconds() {
        return playback.position() / playback.sampleRate();
    }

    public double lengthSeconds() {
        return sound.frames() / playback.sampleRate();
    }

    /** The meters now: safe to poll from the screen at 30 Hz. */
    public MeterSnapshot meters() {
        return playback.meters();
    }

    /** Why the device could not play, if it could not. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    @Override
    public void close() {
        session.removeListener(changes);
        synchronized (spectrumLock) {
            if (meterThread != null) {
                meterThread.shutdownNow();
            }
        }
        if (player != null) {
            player.close();
            player = null;
        }
        sound.close();
    }
}
