#!/bin/sh
# Makes the recorded-style take set of lessons/scenarios/takes/tutor-set.yaml (run from the project root):
# the takes are written as WAV by the test-side generator TutorSetMain (Control Room's TakeSynth,
# deterministic seeds), then encoded to mono Ogg Vorbis (quality 4) with oggenc.
set -e
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt > /dev/null
tmp=$(mktemp -d)
java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.controlroom.analysis.take.TutorSetMain "$tmp"
for f in "$tmp"/*.wav; do
  oggenc -Q -q 4 -o "audio-assets/takes/tutor-set/$(basename "$f" .wav).ogg" "$f"
done
rm -r "$tmp"
