#!/usr/bin/env python3
"""Writes the note data of Control Room's song library: one MIDI file per stem, and each song's
manifest (song.yaml). Python 3 standard library only; the output depends on nothing but this file
(every random choice comes from random.Random seeded per song and stem), so it is the same on every
machine. make-songs.sh renders the MIDI with FluidSynth + FluidR3 GM, mixes and encodes.

    python3 make_songs.py OUT_DIR        # OUT_DIR/<song>/<stem>.mid, OUT_DIR/<song>/song.yaml.in

The manifest template (song.yaml.in) has the stem files and everything but the measured loudness;
make-songs.sh copies it to audio-assets/songs/<song>/song.yaml.
"""
import os
import random
import struct
import sys

TPQ = 480  # MIDI ticks per quarter note
DRUM_CH = 9

# General MIDI drum notes
KICK, SNARE, RIM, CLAP = 36, 38, 37, 39
HAT_CLOSED, HAT_PEDAL, HAT_OPEN = 42, 44, 46
CRASH, RIDE = 49, 51
TOM_LO, TOM_MID, TOM_HI = 45, 47, 50
SHAKER, TAMBOURINE = 70, 54

# General MIDI programs (0-based)
PROGRAMS = {
    "Acoustic Grand Piano": 0, "Electric Piano 1": 4, "Drawbar Organ": 16, "Acoustic Guitar (steel)": 25,
    "Electric Guitar (clean)": 27, "Overdriven Guitar": 29, "Distortion Guitar": 30,
    "Acoustic Bass": 32, "Electric Bass (finger)": 33, "Electric Bass (pick)": 34, "Synth Bass 1": 38,
    "Cello": 42, "String Ensemble 1": 48, "Choir Aahs": 52, "Voice Oohs": 53, "Pad 2 (warm)": 89,
    "Standard Kit": 0,
}

NOTE_NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]


def note_name(m):
    return NOTE_NAMES[m % 12] + str(m // 12 - 1)


# ---------------------------------------------------------------- MIDI writing

def vlq(n):
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    return bytes(reversed(out))


def write_midi(path, bpm, channel, program, notes, end_tick, volume=100):
    """One-track MIDI file: notes are (start_tick, length_ticks, key, velocity)."""
    tempo = round(60_000_000 / bpm)
    events = []
    if channel != DRUM_CH:
        events.append((0, 0, bytes([0xC0 | channel, program])))
    # no reverb or chorus send, centre pan, fixed channel volume: a dry mono stem
    events += [(0, 0, bytes([0xB0 | channel, 91, 0])), (0, 0, bytes([0xB0 | channel, 93, 0])),
               (0, 0, bytes([0xB0 | channel, 10, 64])), (0, 0, bytes([0xB0 | channel, 7, volume]))]
    for start, length, key, vel in notes:
        events.append((start, 2, bytes([0x90 | channel, key, max(1, min(127, vel))])))
        events.append((start + max(1, length), 1, bytes([0x80 | channel, key, 0])))
    events.sort(key=lambda e: (e[0], e[1]))
    data = bytearray(b"\x00\xff\x51\x03" + tempo.to_bytes(3, "big"))
    data += b"\x00\xff\x58\x04\x04\x02\x18\x08"
    last = 0
    for tick, _, ev in events:
        data += vlq(tick - last) + ev
        last = tick
    data += vlq(max(0, end_tick - last)) + b"\xff\x2f\x00"
    with open(path, "wb") as f:
        f.write(b"MThd" + struct.pack(">IHHH", 6, 0, 1, TPQ))
        f.write(b"MTrk" + struct.pack(">I", len(data)) + bytes(data))


# ---------------------------------------------------------------- harmony

CHORD_SHAPES = {"": (0, 4, 7), "m": (0, 3, 7), "7": (0, 4, 7, 10), "m7": (0, 3, 7, 10), "maj7": (0, 4, 7, 11),
                "sus4": (0, 5, 7), "sus2": (0, 2, 7)}
ROOTS = {"C": 0, "C#": 1, "Db": 1, "D": 2, "Eb": 3, "E": 4, "F": 5, "F#": 6, "G": 7, "Ab": 8, "A": 9, "Bb": 10, "B": 11}


def parse_chord(sym):
    root = sym[:2] if len(sym) > 1 and sym[1] in "#b" else sym[:1]
    return ROOTS[root], CHORD_SHAPES[sym[len(root):]]


def chord_pcs(sym):
    r, shape = parse_chord(sym)
    return [(r + i) % 12 for i in shape]


def voice(sym, low, high):
    """Chord tones of sym between low and high (MIDI), close position, at most 4 notes."""
    pcs = chord_pcs(sym)
    out = [m for m in range(low, high + 1) if m % 12 in pcs]
    return out[:4]


# ---------------------------------------------------------------- humanising

class Human:
    """Timing and velocity variation; section starts stay on the grid (within 1 ms)."""

    def __init__(self, rng, bpm, timing_ms, vel_sd):
        self.rng = rng
        self.ticks_per_ms = TPQ * bpm / 60000.0
        self.timing_ms = timing_ms
        self.vel_sd = vel_sd

    def t(self, tick, tight=False):
        if tight:
            return tick
        jitter = max(-2.0, min(2.0, self.rng.gauss(0, 0.7))) * self.timing_ms
        return max(0, int(round(tick + jitter * self.ticks_per_ms)))

    def v(self, vel):
        return int(round(max(1, min(127, vel + self.rng.gauss(0, self.vel_sd)))))


# ---------------------------------------------------------------- parts

def section_spans(song):
    """(section, start_bar, bars) in order."""
    bar = 0
    out = []
    for s in song["sections"]:
        out.append((s, bar, s["bars"]))
        bar += s["bars"]
    return out


def chord_at(section, bar_in_section):
    prog = section["chords"]
    return prog[bar_in_section % len(prog)]


def drums(song, rng, piece):
    """Notes of one drum stem ('kick', 'snare', 'hats', 'perc') over the whole form."""
    style = song["style_key"]
    h = Human(rng, song["bpm"], song["timing_ms"], 7)
    notes = []
    bar_ticks = 4 * TPQ
    e = TPQ // 2   # an eighth
    s16 = TPQ // 4
    spans = section_spans(song)
    for idx, (sec, start_bar, bars) in enumerate(spans):
        energy = sec["energy"]
        dyn = 0.55 + 0.45 * energy
        groove = sec.get("drums", "full")
        last_section = idx == len(spans) - 1
        for b in range(bars):
            t0 = (start_bar + b) * bar_ticks
            first = b == 0
            fill = b == bars - 1 and not last_section and groove != "none"
            if piece == "kick":
                # every section starts with a kick on its downbeat (the bar grid the tests check)
                if first:
                    notes.append((t0, e, KICK, h.v(112 * dyn)))
                if groove == "none" or (groove == "sparse" and not first):
                    if groove == "sparse" and b % 2 == 0 and not first:
                        notes.append((h.t(t0), e, KICK, h.v(95 * dyn)))
                    continue
                # in sixteenths: 0 is beat 1, 4 beat 2, 8 beat 3, 12 beat 4
                pattern = {"pop": [0, 7, 8], "rock": [0, 6, 8, 10], "hiphop": [0, 7, 10],
                           "acoustic": [0, 8]}[style]
                if style == "hiphop" and b % 2 == 1:
                    pattern = [0, 3, 10]
                for step in pattern:
                    if first and step == 0:
                        continue
                    if fill and step >= 8:
                        continue
                    notes.append((h.t(t0 + step * s16), e, KICK,
                                  h.v((108 if step == 0 else 92) * dyn)))
            elif piece == "snare":
                if groove == "none":
                    continue
                if groove == "sparse":
                    if b % 2 == 1:
                        notes.append((h.t(t0 + 3 * TPQ), e, RIM if style != "rock" else SNARE, h.v(80 * dyn)))
                    continue
                if fill:
                    notes.append((h.t(t0 + TPQ), e, SNARE, h.v(100 * dyn)))
                    # a fill on the last two beats, rising in level; the rock band uses the toms
                    for k in range(8):
                        key = SNARE
                        if style == "rock":
                            key = [SNARE, SNARE, TOM_HI, TOM_HI, TOM_MID, TOM_MID, TOM_LO, TOM_LO][k]
                        notes.append((h.t(t0 + 2 * TPQ + k * s16), s16, key, h.v((70 + 6 * k) * dyn)))
                    continue
                backbeat = CLAP if style == "hiphop" else (RIM if style == "acoustic" and energy < 0.5 else SNARE)
                for beat in (1, 3):
                    notes.append((h.t(t0 + beat * TPQ), e, backbeat, h.v(104 * dyn)))
                if style == "pop" and b % 4 == 3:
                    notes.append((h.t(t0 + 3 * TPQ + e), s16, SNARE, h.v(60 * dyn)))
            elif piece == "hats":
                if first and energy >= 0.6:
                    notes.append((t0, 4 * TPQ, CRASH, h.v(100 * dyn)))
                if groove == "none":
                    continue
                if groove == "sparse":
                    for q in range(4):
                        notes.append((h.t(t0 + q * TPQ), e, HAT_PEDAL, h.v(60 * dyn)))
                    continue
                if style == "rock" and energy >= 0.8:
                    for q in range(8):
                        if first and q == 0:
                            continue
                        notes.append((h.t(t0 + q * e), e, RIDE, h.v((92 if q % 2 == 0 else 74) * dyn)))
                    continue
                steps = 16 if style == "hiphop" else 8
                step = bar_ticks // steps
                for q in range(steps):
                    if first and q == 0 and energy >= 0.6:
                        continue
                    key = HAT_OPEN if (style == "pop" and q == steps - 1 and b % 2 == 1) else HAT_CLOSED
                    accent = 88 if q % (steps // 4) == 0 else 66
                    notes.append((h.t(t0 + q * step), step, key, h.v(accent * dyn)))
            elif piece == "perc":
                if groove == "none" and energy < 0.3:
                    continue
                key = SHAKER if style == "hiphop" else TAMBOURINE
                if style == "acoustic":
                    key = SHAKER if energy < 0.6 else TAMBOURINE
                for q in range(8):
                    vel = 70 if q % 2 == 1 else 52
                    notes.append((h.t(t0 + q * e), e, key, h.v(vel * dyn)))
    return notes


def bass(song, rng):
    h = Human(rng, song["bpm"], song["timing_ms"], 6)
    style = song["style_key"]
    notes = []
    e = TPQ // 2
    for sec, start_bar, bars in section_spans(song):
        dyn = 0.6 + 0.4 * sec["energy"]
        groove = sec.get("bass", "full")
        for b in range(bars):
            t0 = (start_bar + b) * 4 * TPQ
            sym = chord_at(sec, b)
            root = parse_chord(sym)[0]
            low = 28 + (root - 4) % 12  # E1..D#2
            fifth = low + 7
            if groove == "none":
                continue
            if groove == "sparse" or style == "acoustic":
                notes.append((h.t(t0, b == 0), 2 * TPQ - 30, low, h.v(92 * dyn)))
                notes.append((h.t(t0 + 2 * TPQ), 2 * TPQ - 30, fifth if b % 2 else low, h.v(84 * dyn)))
                continue
            if style == "rock":
                for q in range(8):
                    key = low if q < 6 else (low + 12 if q == 6 else fifth)
                    notes.append((h.t(t0 + q * e, b == 0 and q == 0), e - 20, key, h.v((98 if q % 2 == 0 else 86) * dyn)))
            elif style == "hiphop":
                for step, length, key in ((0, 3 * e, low), (3 * e, e, low), (7 * e, e, low + 12 if b % 2 else fifth)):
                    notes.append((h.t(t0 + step, step == 0 and b == 0), length - 20, key, h.v(100 * dyn)))
            else:  # pop
                for step, length, key in ((0, 3 * e, low), (3 * e, e, low), (4 * e, 2 * e, fifth), (6 * e, 2 * e, low + 12)):
                    notes.append((h.t(t0 + step, step == 0 and b == 0), length - 20, key, h.v(94 * dyn)))
    return notes


def comp(song, rng, part):
    """Chords for a harmonic part: part has 'low', 'high', 'rhythm' (pattern name)."""
    h = Human(rng, song["bpm"], song["timing_ms"], 6)
    notes = []
    e = TPQ // 2
    for sec, start_bar, bars in section_spans(song):
        dyn = 0.5 + 0.5 * sec["energy"]
        if part["name"] in sec.get("tacet", []):
            continue
        for b in range(bars):
            t0 = (start_bar + b) * 4 * TPQ
            sym = chord_at(sec, b)
            chord = voice(sym, part["low"], part["high"])
            rhythm = part["rhythm"]
            if rhythm == "sustain":
                hits = [(0, 4 * TPQ - 20)]
            elif rhythm == "halves":
                hits = [(0, 2 * TPQ - 30), (2 * TPQ, 2 * TPQ - 30)]
            elif rhythm == "eighths":
                hits = [(q * e, e - 40) for q in range(8)]
            elif rhythm == "pop-piano":
                hits = [(0, 3 * e - 20), (3 * e, 3 * e - 20), (6 * e, 2 * e - 20)]
            elif rhythm == "offbeat":
                hits = [(q * e + e, e - 40) for q in range(0, 8, 2)]
            elif rhythm == "strum":
                hits = [(0, 2 * e), (2 * e, e), (3 * e, 2 * e), (5 * e, e), (6 * e, 2 * e - 20)]
            else:  # arpeggio: one note at a time
                hits = []
                for q in range(8):
                    hits.append((q * e, e + 60, chord[[0, 1, 2, 3, 2, 1, 2, 3][q] % len(chord)]))
            for hit in hits:
                start, length = hit[0], hit[1]
                keys = [hit[2]] if len(hit) == 3 else chord
                base = h.v(part["velocity"] * dyn)
                for i, key in enumerate(keys):
                    # a strum spreads the notes a few milliseconds apart
                    spread = int(i * 12 * TPQ * song["bpm"] / 60000.0) if rhythm == "strum" else 0
                    notes.append((h.t(t0 + start) + spread, length, key, max(1, base - 4 * i)))
    return notes


def melody(song, rng):
    """The lead vocal line: phrases of chord tones with steps between, held notes at phrase ends.
    Returns notes (tick, length, key, velocity); every note lasts at least a quarter note."""
    h = Human(rng, song["bpm"], song["timing_ms"] * 1.5, 5)
    notes = []
    lo, hi = song["vocal_range"]
    prev = (lo + hi) // 2
    for sec, start_bar, bars in section_spans(song):
        kind = sec.get("vocal", "none")
        if kind == "none":
            continue
        centre = {"verse": lo + 4, "pre": lo + 7, "chorus": hi - 5, "bridge": lo + 6, "outro": lo + 4}[kind]
        dyn = 0.6 + 0.4 * sec["energy"]
        for b in range(bars):
            t0 = (start_bar + b) * 4 * TPQ
            sym = chord_at(sec, b)
            pcs = chord_pcs(sym)
            phrase_end = b % 2 == 1
            if kind == "chorus":
                rhythm = [(0, 2), (2, 1), (3, 1)] if not phrase_end else [(0, 1), (1, 3)]
            elif kind == "pre":
                rhythm = [(0, 1), (1, 1), (2, 1), (3, 1)] if not phrase_end else [(0, 2), (2, 2)]
            else:
                rhythm = [(1, 1), (2, 1), (3, 1)] if not phrase_end else [(0, 2.5)]
            for beat, beats in rhythm:
                strong = beat in (0, 2)
                candidates = [m for m in range(lo, hi + 1)
                              if (m % 12 in pcs if strong else True) and abs(m - prev) <= (7 if strong else 2)]
                if not candidates:
                    candidates = [m for m in range(lo, hi + 1) if m % 12 in pcs]
                # lean towards the section's centre of range
                weights = [1.0 / (1 + abs(m - centre) * 0.35 + abs(m - prev) * 0.25) for m in candidates]
                key = rng.choices(candidates, weights)[0]
                if key % 12 not in song["scale"]:
                    key = min(candidates, key=lambda m: (m % 12 not in song["scale"], abs(m - key)))
                prev = key
                start = h.t(t0 + int(beat * TPQ))
                length = int(beats * TPQ * 0.88)
                notes.append((start, length, key, h.v(96 * dyn)))
    return notes


def harmony_line(song, rng, lead):
    """Backing vocals: a third (or sixth) under the lead, in the choruses only, on long notes."""
    h = Human(rng, song["bpm"], song["timing_ms"], 5)
    chorus_bars = set()
    for sec, start_bar, bars in section_spans(song):
        if sec.get("vocal") == "chorus":
            chorus_bars.update(range(start_bar, start_bar + bars))
    scale = song["scale"]
    out = []
    for tick, length, key, vel in lead:
        if tick // (4 * TPQ) not in chorus_bars or length < TPQ * 0.8:
            continue
        under = key - 3
        while under % 12 not in scale:
            under -= 1
        out.append((h.t(tick), length, under, h.v(vel - 14)))
    return out


# ---------------------------------------------------------------- the songs

def song_defs():
    return [
        {
            "id": "paper-lanterns", "title": "Paper Lanterns", "style": "pop", "style_key": "pop",
            "bpm": 112, "key": "C major", "scale": [0, 2, 4, 5, 7, 9, 11], "vocal_range": (62, 76),
            "timing_ms": 6, "seed": 11,
            "sections": [
                {"id": "intro", "name": "Intro", "bars": 4, "energy": 0.3, "chords": ["C", "G", "Am", "F"],
                 "drums": "sparse", "tacet": ["strings"]},
                {"id": "verse-1", "name": "Verse 1", "bars": 8, "energy": 0.45, "chords": ["C", "G", "Am", "F"],
                 "vocal": "verse", "tacet": ["strings"]},
                {"id": "pre-chorus-1", "name": "Pre-chorus 1", "bars": 4, "energy": 0.6, "chords": ["Dm", "Em", "F", "G"],
                 "vocal": "pre"},
                {"id": "chorus-1", "name": "Chorus 1", "bars": 8, "energy": 0.85, "chords": ["F", "G", "Em", "Am"],
                 "vocal": "chorus"},
                {"id": "verse-2", "name": "Verse 2", "bars": 8, "energy": 0.5, "chords": ["C", "G", "Am", "F"],
                 "vocal": "verse", "tacet": ["strings"]},
                {"id": "pre-chorus-2", "name": "Pre-chorus 2", "bars": 4, "energy": 0.65, "chords": ["Dm", "Em", "F", "G"],
                 "vocal": "pre"},
                {"id": "chorus-2", "name": "Chorus 2", "bars": 8, "energy": 0.9, "chords": ["F", "G", "Em", "Am"],
                 "vocal": "chorus"},
                {"id": "bridge", "name": "Bridge", "bars": 4, "energy": 0.4, "chords": ["Am", "F", "C", "G"],
                 "drums": "sparse", "bass": "sparse", "vocal": "bridge"},
                {"id": "outro", "name": "Outro", "bars": 4, "energy": 0.35, "chords": ["F", "G", "C", "C"],
                 "drums": "sparse"},
            ],
            "stems": [
                {"name": "kick", "role": "kick", "kind": "drums", "piece": "kick", "balance_db": -3, "pan": 0},
                {"name": "snare", "role": "snare", "kind": "drums", "piece": "snare", "balance_db": -4, "pan": 0},
                {"name": "hats", "role": "hats", "kind": "drums", "piece": "hats", "balance_db": -11, "pan": 0.25},
                {"name": "bass", "role": "bass", "kind": "bass", "instrument": "Electric Bass (finger)", "balance_db": -4, "pan": 0},
                {"name": "piano", "role": "keys", "kind": "comp", "instrument": "Acoustic Grand Piano",
                 "low": 55, "high": 72, "rhythm": "pop-piano", "velocity": 80, "balance_db": -6, "pan": -0.3},
                {"name": "strings", "role": "strings", "kind": "comp", "instrument": "String Ensemble 1",
                 "low": 60, "high": 79, "rhythm": "sustain", "velocity": 80, "balance_db": -11, "pan": 0.35},
                {"name": "lead-vocal", "role": "lead-vocal", "kind": "melody", "instrument": "Voice Oohs", "balance_db": 0, "pan": 0},
                {"name": "backing-vocals", "role": "backing-vocals", "kind": "harmony", "instrument": "Choir Aahs",
                 "balance_db": -9, "pan": -0.2},
            ],
        },
        {
            "id": "loose-wires", "title": "Loose Wires", "style": "rock band", "style_key": "rock",
            "bpm": 132, "key": "E minor", "scale": [4, 6, 7, 9, 11, 0, 2], "vocal_range": (62, 76),
            "timing_ms": 5, "seed": 23,
            "sections": [
                {"id": "intro", "name": "Intro", "bars": 4, "energy": 0.6, "chords": ["Em", "C", "G", "D"],
                 "tacet": ["organ"]},
                {"id": "verse-1", "name": "Verse 1", "bars": 8, "energy": 0.5, "chords": ["Em", "Em", "C", "D"],
                 "vocal": "verse", "tacet": ["organ"]},
                {"id": "pre-chorus-1", "name": "Pre-chorus 1", "bars": 4, "energy": 0.7, "chords": ["Am", "C", "D", "D"],
                 "vocal": "pre"},
                {"id": "chorus-1", "name": "Chorus 1", "bars": 8, "energy": 0.9, "chords": ["G", "D", "Em", "C"],
                 "vocal": "chorus"},
                {"id": "verse-2", "name": "Verse 2", "bars": 8, "energy": 0.55, "chords": ["Em", "Em", "C", "D"],
                 "vocal": "verse", "tacet": ["organ"]},
                {"id": "pre-chorus-2", "name": "Pre-chorus 2", "bars": 4, "energy": 0.75, "chords": ["Am", "C", "D", "D"],
                 "vocal": "pre"},
                {"id": "chorus-2", "name": "Chorus 2", "bars": 8, "energy": 0.95, "chords": ["G", "D", "Em", "C"],
                 "vocal": "chorus"},
                {"id": "breakdown", "name": "Breakdown", "bars": 8, "energy": 0.35, "chords": ["C", "D", "Em", "Em"],
                 "drums": "sparse", "bass": "sparse", "vocal": "bridge", "tacet": ["rhythm-guitar"]},
                {"id": "chorus-3", "name": "Chorus 3", "bars": 8, "energy": 1.0, "chords": ["G", "D", "Em", "C"],
                 "vocal": "chorus"},
                {"id": "outro", "name": "Outro", "bars": 4, "energy": 0.7, "chords": ["Em", "C", "D", "Em"]},
            ],
            "stems": [
                {"name": "kick", "role": "kick", "kind": "drums", "piece": "kick", "balance_db": -3, "pan": 0},
                {"name": "snare", "role": "snare", "kind": "drums", "piece": "snare", "balance_db": -3, "pan": 0,
                 "note": "snare and the toms of the fills"},
                {"name": "overheads", "role": "overheads", "kind": "drums", "piece": "hats", "balance_db": -9, "pan": 0.2,
                 "note": "hi-hat, ride and crash"},
                {"name": "bass", "role": "bass", "kind": "bass", "instrument": "Electric Bass (pick)", "balance_db": -4, "pan": 0},
                {"name": "rhythm-guitar", "role": "guitar", "kind": "comp", "instrument": "Distortion Guitar",
                 "low": 40, "high": 59, "rhythm": "eighths", "velocity": 88, "balance_db": -5, "pan": -0.6},
                {"name": "lead-guitar", "role": "guitar", "kind": "comp", "instrument": "Overdriven Guitar",
                 "low": 59, "high": 76, "rhythm": "arpeggio", "velocity": 78, "balance_db": -8, "pan": 0.6},
                {"name": "organ", "role": "keys", "kind": "comp", "instrument": "Drawbar Organ",
                 "low": 52, "high": 67, "rhythm": "sustain", "velocity": 70, "balance_db": -13, "pan": 0.3},
                {"name": "lead-vocal", "role": "lead-vocal", "kind": "melody", "instrument": "Voice Oohs", "balance_db": 0, "pan": 0},
                {"name": "backing-vocals", "role": "backing-vocals", "kind": "harmony", "instrument": "Choir Aahs",
                 "balance_db": -8, "pan": -0.25},
            ],
        },
        {
            "id": "night-bus", "title": "Night Bus", "style": "hip-hop / electronic", "style_key": "hiphop",
            "bpm": 90, "key": "A minor", "scale": [9, 11, 0, 2, 4, 5, 7], "vocal_range": (62, 74),
            "timing_ms": 7, "seed": 37,
            "sections": [
                {"id": "intro", "name": "Intro", "bars": 4, "energy": 0.3, "chords": ["Am7", "Fmaj7", "C", "G"],
                 "drums": "sparse", "bass": "none"},
                {"id": "verse-1", "name": "Verse 1", "bars": 8, "energy": 0.55, "chords": ["Am7", "Fmaj7", "C", "G"],
                 "vocal": "verse", "tacet": ["pad"]},
                {"id": "build", "name": "Build", "bars": 4, "energy": 0.65, "chords": ["Dm7", "Em", "Fmaj7", "G"],
                 "vocal": "pre"},
                {"id": "chorus-1", "name": "Chorus 1", "bars": 8, "energy": 0.9, "chords": ["Fmaj7", "G", "Am7", "Am7"],
                 "vocal": "chorus"},
                {"id": "verse-2", "name": "Verse 2", "bars": 8, "energy": 0.6, "chords": ["Am7", "Fmaj7", "C", "G"],
                 "vocal": "verse", "tacet": ["pad"]},
                {"id": "chorus-2", "name": "Chorus 2", "bars": 8, "energy": 0.95, "chords": ["Fmaj7", "G", "Am7", "Am7"],
                 "vocal": "chorus"},
                {"id": "breakdown", "name": "Breakdown", "bars": 4, "energy": 0.3, "chords": ["Fmaj7", "Fmaj7", "G", "G"],
                 "drums": "none", "bass": "sparse", "vocal": "bridge"},
                {"id": "outro", "name": "Outro", "bars": 4, "energy": 0.4, "chords": ["Am7", "Fmaj7", "C", "G"],
                 "drums": "sparse"},
            ],
            "stems": [
                {"name": "kick", "role": "kick", "kind": "drums", "piece": "kick", "balance_db": -1, "pan": 0},
                {"name": "clap", "role": "snare", "kind": "drums", "piece": "snare", "balance_db": -5, "pan": 0,
                 "note": "hand claps on the backbeat, rim in the quiet sections"},
                {"name": "hats", "role": "hats", "kind": "drums", "piece": "hats", "balance_db": -12, "pan": 0.3},
                {"name": "bass", "role": "bass", "kind": "bass", "instrument": "Synth Bass 1", "balance_db": -2, "pan": 0},
                {"name": "keys", "role": "keys", "kind": "comp", "instrument": "Electric Piano 1",
                 "low": 57, "high": 74, "rhythm": "offbeat", "velocity": 84, "balance_db": -7, "pan": -0.25},
                {"name": "pad", "role": "pad", "kind": "comp", "instrument": "Pad 2 (warm)",
                 "low": 48, "high": 67, "rhythm": "sustain", "velocity": 76, "balance_db": -11, "pan": 0.25},
                {"name": "lead-vocal", "role": "lead-vocal", "kind": "melody", "instrument": "Voice Oohs", "balance_db": 0, "pan": 0},
                {"name": "percussion", "role": "percussion", "kind": "drums", "piece": "perc", "balance_db": -14, "pan": -0.4,
                 "note": "shaker on eighths"},
            ],
        },
        {
            "id": "harbour-lights", "title": "Harbour Lights", "style": "acoustic / singer-songwriter",
            "style_key": "acoustic", "bpm": 84, "key": "G major", "scale": [7, 9, 11, 0, 2, 4, 6],
            "vocal_range": (62, 74), "timing_ms": 9, "seed": 41,
            "sections": [
                {"id": "intro", "name": "Intro", "bars": 4, "energy": 0.25, "chords": ["G", "D", "Em", "C"],
                 "drums": "none", "bass": "none", "tacet": ["cello"]},
                {"id": "verse-1", "name": "Verse 1", "bars": 8, "energy": 0.4, "chords": ["G", "D", "Em", "C"],
                 "vocal": "verse", "drums": "sparse", "tacet": ["cello"]},
                {"id": "pre-chorus", "name": "Pre-chorus", "bars": 4, "energy": 0.55, "chords": ["Am", "C", "D", "D"],
                 "vocal": "pre"},
                {"id": "chorus-1", "name": "Chorus 1", "bars": 8, "energy": 0.75, "chords": ["C", "G", "D", "Em"],
                 "vocal": "chorus"},
                {"id": "verse-2", "name": "Verse 2", "bars": 4, "energy": 0.45, "chords": ["G", "D", "Em", "C"],
                 "vocal": "verse", "drums": "sparse"},
                {"id": "bridge", "name": "Bridge", "bars": 4, "energy": 0.5, "chords": ["Em", "C", "Am", "D"],
                 "vocal": "bridge", "drums": "sparse"},
                {"id": "chorus-2", "name": "Chorus 2", "bars": 8, "energy": 0.8, "chords": ["C", "G", "D", "Em"],
                 "vocal": "chorus"},
                {"id": "outro", "name": "Outro", "bars": 4, "energy": 0.3, "chords": ["C", "D", "G", "G"],
                 "drums": "none", "bass": "sparse"},
            ],
            "stems": [
                {"name": "kick", "role": "kick", "kind": "drums", "piece": "kick", "balance_db": -8, "pan": 0,
                 "note": "a soft kick (cajon-like level)"},
                {"name": "snare", "role": "snare", "kind": "drums", "piece": "snare", "balance_db": -10, "pan": 0,
                 "note": "rim clicks in the quiet parts, snare in the choruses"},
                {"name": "hats", "role": "hats", "kind": "drums", "piece": "hats", "balance_db": -16, "pan": 0.2},
                {"name": "bass", "role": "bass", "kind": "bass", "instrument": "Acoustic Bass", "balance_db": -6, "pan": 0},
                {"name": "guitar", "role": "guitar", "kind": "comp", "instrument": "Acoustic Guitar (steel)",
                 "low": 50, "high": 67, "rhythm": "strum", "velocity": 82, "balance_db": -3, "pan": -0.35},
                {"name": "cello", "role": "strings", "kind": "comp", "instrument": "Cello",
                 "low": 43, "high": 57, "rhythm": "halves", "velocity": 74, "balance_db": -10, "pan": 0.35},
                {"name": "lead-vocal", "role": "lead-vocal", "kind": "melody", "instrument": "Voice Oohs", "balance_db": 0, "pan": 0},
                {"name": "percussion", "role": "percussion", "kind": "drums", "piece": "perc", "balance_db": -15, "pan": 0.45,
                 "note": "shaker in the verses, tambourine in the choruses"},
            ],
        },
    ]


def yaml_text(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(out_dir):
    for song in song_defs():
        d = os.path.join(out_dir, song["id"])
        os.makedirs(d, exist_ok=True)
        bars = sum(s["bars"] for s in song["sections"])
        end_tick = bars * 4 * TPQ + 2 * TPQ * song["bpm"] // 60  # two seconds of tail
        lead = None
        parts = {}
        for i, stem in enumerate(song["stems"]):
            rng = random.Random(song["seed"] * 1000 + i)
            kind = stem["kind"]
            if kind == "drums":
                notes = drums(song, rng, stem["piece"])
            elif kind == "bass":
                notes = bass(song, rng)
            elif kind == "comp":
                notes = comp(song, rng, stem)
            elif kind == "melody":
                notes = melody(song, rng)
                lead = notes
            else:
                notes = None
            parts[stem["name"]] = notes
        for i, stem in enumerate(song["stems"]):
            if parts[stem["name"]] is None:
                parts[stem["name"]] = harmony_line(song, random.Random(song["seed"] * 1000 + i), lead)
        for ch, stem in enumerate(song["stems"]):
            drum = stem["kind"] == "drums"
            channel = DRUM_CH if drum else min(ch, 8)
            program = 0 if drum else PROGRAMS[stem["instrument"]]
            write_midi(os.path.join(d, stem["name"] + ".mid"), song["bpm"], channel, program,
                       parts[stem["name"]], end_tick)
        write_manifest(os.path.join(d, "song.yaml.in"), song, lead)
        seconds = bars * 4 * 60.0 / song["bpm"] + 2.0
        with open(os.path.join(d, "render.txt"), "w", encoding="utf-8") as f:
            # for make-songs.sh: the length of every stem in frames, then one line per stem: name pan balance
            f.write("%d\n" % round(seconds * 44100))
            for stem in song["stems"]:
                f.write("%s %s %s\n" % (stem["name"], stem["pan"], stem["balance_db"]))


def write_manifest(path, song, lead):
    sec_per_tick = 60.0 / song["bpm"] / TPQ
    lines = [
        "# Made by audio-assets/songs/make_songs.py and make-songs.sh; do not edit by hand.",
        "id: " + song["id"],
        "title: " + yaml_text(song["title"]),
        "style: " + yaml_text(song["style"]),
        "tempo_bpm: " + str(song["bpm"]),
        "key: " + yaml_text(song["key"]),
        "metre: 4/4",
        "sample_rate: 44100",
        "reference_mix: mix.ogg",
        "balance_reference: lead-vocal",
        "sections:",
    ]
    bar = 0
    for s in song["sections"]:
        lines.append("  - {id: %s, name: %s, start_bar: %d, bars: %d, energy: %s}"
                     % (s["id"], yaml_text(s["name"]), bar, s["bars"], s["energy"]))
        bar += s["bars"]
    lines.append("stems:")
    for stem in song["stems"]:
        source = ("FluidR3 GM drum kit (Standard)" if stem["kind"] == "drums"
                  else "FluidR3 GM " + stem["instrument"] + " (program %d)" % (PROGRAMS[stem["instrument"]] + 1))
        entry = "  - {name: %s, role: %s, file: %s.ogg, pan: %s, balance_db: %s, source: %s" % (
            stem["name"], stem["role"], stem["name"], stem["pan"], stem["balance_db"], yaml_text(source))
        if "note" in stem:
            entry += ", note: " + yaml_text(stem["note"])
        lines.append(entry + "}")
    lines.append("melody:")
    lines.append("  stem: lead-vocal")
    lines.append("  notes:")
    for tick, length, key, vel in sorted(lead):
        lines.append("    - {onset_s: %.4f, seconds: %.4f, midi: %d, note: %s}"
                     % (tick * sec_per_tick, length * sec_per_tick, key, note_name(key)))
    lines += [
        "licence:",
        "  audio: CC0-1.0",
        "  note_data: CC0-1.0 (generated by make_songs.py)",
        "  soundfont: \"FluidR3 GM (Frank Wen), MIT licence, Debian package fluid-soundfont-gm\"",
        "  renderer: \"FluidSynth 2.3 (LGPL-2.1), not distributed\"",
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build")
