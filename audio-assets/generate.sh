#!/bin/sh
# Regenerates every file in audio-assets/ with SoX (tested with SoX v14.4.2).
# All output: mono, 16-bit PCM, 44.1 kHz WAV. Run from this folder: sh generate.sh
set -e
# -R: repeatable (fixed random seeds for noise), -D: no dither; so a rerun gives identical files.
export SOX_OPTS="-R -D"
OUT="-r 44100 -b 16 -c 1"
mkdir -p loops vocals

# Drums, 120 bpm, 2 bars (4 s): closed-hat noise bursts on eighths, a swept-sine kick on every beat,
# a pink-noise snare on beats 2 and 4.
sox -m \
  "|sox -n -r 44100 -c 1 -p synth 0.04 whitenoise fade q 0.002 0.04 0.035 gain -16 pad 0 0.21 repeat 15" \
  "|sox -n -r 44100 -c 1 -p synth 0.2 sine 120:45 fade q 0.002 0.2 0.18 pad 0 0.3 repeat 7" \
  "|sox -n -r 44100 -c 1 -p synth 0.12 pinknoise fade q 0.001 0.12 0.1 gain -4 pad 0.5 0.38 repeat 3" \
  $OUT loops/drums.wav norm -3

# Bass, 120 bpm, 2 bars: eighth-note sawtooth line A1 A1 A2 A1 C2 C2 D2 E2 (x2), low-passed.
sox \
  "|sox -n -r 44100 -c 1 -p synth 0.25 sawtooth 55 fade q 0.005 0.25 0.03" \
  "|sox -n -r 44100 -c 1 -p synth 0.25 sawtooth 55 fade q 0.005 0.25 0.03" \
  "|sox -n -r 44100 -c 1 -p synth 0.25 sawtooth 110 fade q 0.005 0.25 0.03" \
  "|sox -n -r 44100 -c 1 -p synth 0.25 sawtooth 55 fade q 0.005 0.25 0.03" \
  "|sox -n -r 44100 -c 1 -p synth 0.25 sawtooth 65.41 fade q 0.005 0.25 0.03" \
  "|sox -n -r 44100 -c 1 -p synth 0.25 sawtooth 65.41 fade q 0.005 0.25 0.03" \
  "|sox -n -r 44100 -c 1 -p synth 0.25 sawtooth 73.42 fade q 0.005 0.25 0.03" \
  "|sox -n -r 44100 -c 1 -p synth 0.25 sawtooth 82.41 fade q 0.005 0.25 0.03" \
  $OUT loops/bass.wav lowpass 500 repeat 1 norm -6

# Pad: an A major chord (A3 C#4 E4) of slightly detuned triangles, slow attack and release, 4 s.
sox -n $OUT loops/pad.wav synth 4 triangle 220 triangle 277.18 triangle 329.63 triangle 220.8 \
  remix - lowpass 2000 fade t 0.8 4 1.2 norm -9

# Sung-like phrase at 100 bpm: one beat (0.6 s) of silence, then A4 for 1.8 s (fundamental plus an
# octave partial) with a 5.5 Hz, +-15 cent vibrato (bend) and a soft envelope, 0.3 s tail.
VIB="0,15,0.045 0,-30,0.09 0,30,0.09 0,-30,0.09 0,30,0.09 0,-30,0.09 0,30,0.09 0,-30,0.09 0,30,0.09 \
0,-30,0.09 0,30,0.09 0,-30,0.09 0,30,0.09 0,-30,0.09 0,30,0.09 0,-30,0.09 0,30,0.09 0,-30,0.09 \
0,30,0.09 0,-15,0.045"
note() { # $1 = fundamental Hz, $2 = output, $3 = lead-in seconds, rest = extra effects
  f=$1; o=$2; lead=$3; shift 3
  sox -n $OUT "$o" synth 1.8 sine "$f" sine "$(echo "$f * 2" | bc -l)" remix 1v0.8,2v0.2 gain -6 \
    bend $VIB fade t 0.08 1.8 0.25 pad "$lead" 0.3 norm -6 "$@"
}
note 440 vocals/phrase-take1.wav 0.6                 # good take
note 447.69 vocals/phrase-take2.wav 0.6              # sharp: 440 * 2^(30/1200) = +30 cents
note 440 vocals/phrase-take3.wav 0.66                # late entry: 60 ms after the beat
note 440 vocals/phrase-take4.wav 0.6 gain 9          # clipped: driven 9 dB past full scale
