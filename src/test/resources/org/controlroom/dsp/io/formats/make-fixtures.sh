#!/bin/sh
# Makes the decoder test fixtures in this folder, once. The tests never run this (they must not need
# sox, flac, lame or oggenc); it is kept so the files can be checked and remade.
# Tools: SoX 14.4.2, flac 1.4.2, LAME 3.100, oggenc (vorbis-tools 1.4.2), Debian 12.
set -eu
cd "$(dirname "$0")"
ROOT=$(cd ../../../../../../../.. && pwd)
export SOX_OPTS="-R -D"   # fixed noise seed, no dither: bit-for-bit repeatable
# 3 s, stereo, 44.1 kHz, 16-bit: a chord (different on each side) over pink noise, with an envelope
sox -n -r 44100 -b 16 -c 2 music.wav synth 3 sine 220 sine 330 pinknoise remix 1v0.3,3v0.25 2v0.3,3v0.25 \
  tremolo 3 40 fade t 0.05 3 0.3 norm -3
flac -s -f --best -o music.flac music.wav
lame --quiet -V 0 music.wav music.mp3
oggenc -Q -q 6 -o music.ogg music.wav
sox music.wav music.aiff
# 1 s, mono, 48 kHz, 24-bit
sox -n -r 48000 -b 24 -c 1 mono24.wav synth 1 sine 1000 pinknoise remix 1v0.4,2v0.2 fade t 0.05 1 0.1
flac -s -f --best -o mono24.flac mono24.wav
# damaged files: a FLAC cut off halfway, an MP3 and an Ogg that are only noise with the right magic
head -c 20000 music.flac > truncated.flac
printf 'OggS' > garbage.ogg; head -c 3000 /dev/zero | tr '\0' 'x' >> garbage.ogg
printf 'ID3' > garbage.mp3; head -c 3000 /dev/zero >> garbage.mp3
# a real stem: 6 s of the piano of "Paper Lanterns" (its first chorus), rendered as make-songs.sh renders
# stems, and its Ogg Vorbis q6 encoding (the quality the song library ships)
BUILD=$(mktemp -d)
python3 "$ROOT/audio-assets/songs/make_songs.py" "$BUILD" >/dev/null
fluidsynth -ni -q -R 0 -C 0 -g 0.5 -r 44100 -O float -T wav -F "$BUILD/piano.f.wav" \
  /usr/share/sounds/sf2/FluidR3_GM.sf2 "$BUILD/paper-lanterns/piano.mid" >/dev/null 2>&1
sox "$BUILD/piano.f.wav" -b 16 -e signed-integer piano-stem.wav remix 1v0.5,2v0.5 norm -1 trim 34.3 6
oggenc -Q -q 6 -s 4242 -o piano-stem.ogg piano-stem.wav
rm -rf "$BUILD"
