#!/bin/sh
# Reference outputs for SoxReferenceTest, made once with SoX 14.4.2 (Debian 12: apt-get install sox).
# The tests read these files; they do not need SoX. Rerun from this folder to remake them.
# -R: repeatable noise; -D: no dither; output as 32-bit float so SoX's own result is kept exactly.
set -e
sox -R -n -r 44100 -b 16 -c 1 noise-44k1-mono.wav synth 0.1 whitenoise vol 0.3
sox -R -n -r 48000 -b 16 -c 2 noise-48k-stereo.wav synth 0.1 pinknoise vol 0.3
sox -R -D noise-44k1-mono.wav -e floating-point -b 32 peak-1000-q1-plus3.wav equalizer 1000 1q 3
sox -R -D noise-44k1-mono.wav -e floating-point -b 32 peak-300-q2-minus6.wav equalizer 300 2q -6
sox -R -D noise-44k1-mono.wav -e floating-point -b 32 bass-plus4-100-s0.5.wav bass 4 100 0.5s
sox -R -D noise-44k1-mono.wav -e floating-point -b 32 treble-minus3-8000-s1.wav treble -3 8000 1s
sox -R -D noise-48k-stereo.wav -e floating-point -b 32 stereo-chain.wav \
    equalizer 1000 1q 3 bass 2 100 0.5s treble -2 8000 1s equalizer 300 2q -3
