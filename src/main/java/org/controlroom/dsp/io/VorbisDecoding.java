package org.controlroom.dsp.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.controlroom.dsp.AudioClip;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;

/**
 * Ogg Vorbis through JOrbis, packet by packet, straight to float. (vorbisspi's javax.sound stream
 * dropped audio in the middle of some mono files, so its decoder, JOrbis, is driven directly.) The
 * length is cut to the last page's granule position, the exact sample count the encoder was given.
 */
final class VorbisDecoding {

    private static final int CHUNK = 1 << 14;

    private VorbisDecoding() {
    }

    static AudioClip read(Path file) throws AudioFileException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            SyncState sync = new SyncState();
            StreamState stream = new StreamState();
            Page page = new Page();
            Packet packet = new Packet();
            Info info = new Info();
            Comment comment = new Comment();
            sync.init();
            info.init();
            comment.init();

            // the three header packets
            int headers = 0;
            boolean streamStarted = false;
            while (headers < 3) {
                int r = sync.pageout(page);
                if (r == 0) {
                    if (!feed(sync, in)) {
                        throw new AudioFileException(file, headers == 0 ? "is not a readable Ogg Vorbis file (no Ogg "
                                + "pages)" : "the file ends inside its Vorbis headers (truncated)");
                    }
                    continue;
                }
                if (r < 0) {
                    continue;
                }
                if (!streamStarted) {
                    stream.init(page.serialno());
                    streamStarted = true;
                }
                stream.pagein(page);
                while (headers < 3) {
                    int p = stream.packetout(packet);
                    if (p == 0) {
                        break;
                    }
                    if (p < 0 || info.synthesis_headerin(comment, packet) < 0) {
                        throw new AudioFileException(file, "is not Vorbis audio inside Ogg (or its headers are damaged)");
                    }
                    headers++;
                }
            }
            int channels = info.channels;
            int rate = info.rate;
            if (channels < 1 || rate <= 0) {
                throw new AudioFileException(file, "has a damaged Vorbis header (" + channels + " channels, " + rate + " Hz)");
            }
            DspState dsp = new DspState();
            Block block = new Block(dsp);
            dsp.synthesis_init(info);
            block.init(dsp);
            float[][][] pcm = new float[1][][];
            int[] index = new int[channels];
            float[] out = new float[1 << 18];
            long frames = 0;
            long lastGranule = -1;
            boolean eos = false;
            boolean damaged = false;
            while (!eos) {
                int r = sync.pageout(page);
                if (r == 0) {
                    if (!feed(sync, in)) {
                        break;
                    }
                    continue;
                }
                if (r < 0) {
                    damaged = true; // a hole in the data: keep going with what follows
                    continue;
                }
                stream.pagein(page);
                while (true) {
                    int p = stream.packetout(packet);
                    if (p == 0) {
                        break;
                    }
                    if (p < 0) {
                        damaged = true;
                        continue;
                    }
                    if (block.synthesis(packet) == 0) {
                        dsp.synthesis_blockin(block);
                    }
                    int n;
                    while ((n = dsp.synthesis_pcmout(pcm, index)) > 0) {
                        long need = (frames + n) * channels;
                        if (need > out.length) {
                            if (need > Integer.MAX_VALUE - 16) {
                                throw new AudioFileException(file, "is too long to load; split it into shorter files");
                            }
                            out = Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, out.length * 2L)));
                        }
                        int base = (int) frames * channels;
                        for (int c = 0; c < channels; c++) {
                            float[] src = pcm[0][c];
                            int from = index[c];
                            for (int i = 0, j = base + c; i < n; i++, j += channels) {
                                out[j] = src[from + i];
                            }
                        }
                        frames += n;
                        dsp.synthesis_read(n);
                    }
                }
                if (page.granulepos() >= 0) {
                    lastGranule = page.granulepos();
                }
                if (page.eos() != 0) {
                    eos = true;
                }
            }
            if (frames == 0) {
                throw new AudioFileException(file, "contains no Vorbis audio that could be decoded (damaged or empty)");
            }
            if (!eos && !damaged && lastGranule > frames) {
                damaged = true;
            }
            if (damaged && lastGranule > frames) {
                throw new AudioFileException(file, "the file ends in the middle of its audio or is damaged: "
                        + frames + " of " + lastGranule + " frames decoded");
            }
            if (lastGranule > 0 && lastGranule < frames) {
                frames = lastGranule; // the last packet is padded to a whole block: cut to the real length
            }
            return new AudioClip(rate, channels, Arrays.copyOf(out, (int) frames * channels));
        } catch (AudioFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new AudioFileException(file, "is a damaged Ogg Vorbis file (" + why + ")", e);
        }
    }

    private static boolean feed(SyncState sync, InputStream in) throws IOException {
        int at = sync.buffer(CHUNK);
        int n = in.read(sync.data, at, CHUNK);
        if (n <= 0) {
            return false;
        }
        sync.wrote(n);
        return true;
    }
}
