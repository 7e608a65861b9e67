package org.controlroom.cli;

/** What a render produced: its length and its sample peak. */
record RenderResult(long frames, double seconds, double peakDbfs) {
}
