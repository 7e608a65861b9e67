#!/bin/sh
# Regenerates every file of audio-assets/songs/ bit for bit:
#   sh audio-assets/songs/make-songs.sh
# Needs (Debian 12): python3, fluidsynth 2.3.1, fluid-soundfont-gm 3.1, sox 14.4.2, vorbis-tools 1.4.2,
# and the project's own jar (built here with Maven if missing) to measure loudness.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SF=${SOUNDFONT:-/usr/share/sounds/sf2/FluidR3_GM.sf2}
JAR="$ROOT/target/control-room.jar"
RATE=44100
VOCAL_LUFS=-26          # the lead vocal's loudness in the mix before the final peak normalisation (headroom: no clipping)
export SOX_OPTS="-D"    # no dither: the same input gives the same output

for tool in python3 fluidsynth sox oggenc; do
  command -v $tool >/dev/null || { echo "make-songs.sh: $tool is not installed (apt-get install -y fluidsynth fluid-soundfont-gm sox vorbis-tools)" >&2; exit 2; }
done
[ -f "$SF" ] || { echo "make-songs.sh: soundfont $SF not found (apt-get install -y fluid-soundfont-gm)" >&2; exit 2; }
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)

BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
python3 "$HERE/make_songs.py" "$BUILD"

lufs() {
  java -jar "$JAR" analyze loudness "$1" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["integrated_lufs"])'
}

for dir in "$BUILD"/*/; do
  song=$(basename "$dir")
  out="$HERE/$song"
  mkdir -p "$out"
  frames=$(head -n 1 "$dir/render.txt")
  tail -n +2 "$dir/render.txt" | while read -r name pan balance; do
    # dry (no reverb, no chorus), centred, rendered at 44.1 kHz in float, then mono 16-bit, peak -1 dBFS,
    # padded or cut to the song's exact length
    fluidsynth -ni -q -R 0 -C 0 -g 0.5 -r $RATE -O float -T wav -F "$dir/$name.f.wav" "$SF" "$dir/$name.mid" >/dev/null 2>&1
    sox "$dir/$name.f.wav" -b 16 -e signed-integer "$dir/$name.wav" remix 1v0.5,2v0.5 norm -1 pad 0 4 trim 0 ${frames}s 2>&1 | grep -v -e "missing extended part" -e "pads not applied" >&2 || true
    level=$(lufs "$dir/$name.wav")
    # gain that puts the stem at its balance relative to the vocal; constant-power pan
    python3 - "$dir/$name.wav" "$pan" "$balance" "$level" $VOCAL_LUFS >>"$dir/mix.args" <<'PY'
import math, sys
path, pan, balance, level, vocal = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
g = 10 ** ((vocal + balance - level) / 20)
theta = (pan + 1) * math.pi / 4
print('-v 1 "|sox %s -p remix 1v%.6f 1v%.6f"' % (path, g * math.cos(theta), g * math.sin(theta)))
PY
    oggenc -Q -q 6 -s $(printf '%s/%s' "$song" "$name" | cksum | cut -d' ' -f1) -o "$out/$name.ogg" "$dir/$name.wav"
  done
  eval "sox -m $(tr '\n' ' ' < "$dir/mix.args") -b 32 -e floating-point \"$dir/mix.f.wav\""
  sox "$dir/mix.f.wav" -b 16 -e signed-integer "$dir/mix.wav" norm -1
  oggenc -Q -q 6 -s $(printf '%s/mix' "$song" | cksum | cut -d' ' -f1) -o "$out/mix.ogg" "$dir/mix.wav"
  cp "$dir/song.yaml.in" "$out/song.yaml"
  echo "$song: $(ls "$out" | tr '\n' ' ')"
done
