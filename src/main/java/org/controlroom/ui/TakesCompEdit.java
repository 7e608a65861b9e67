package org.controlroom.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.controlroom.lesson.session.TakesSession;

/** Comp arithmetic for the takes screen: put a take over a stretch of a phrase's comp. */
final class TakesCompEdit {
    private TakesCompEdit() {
    }

    private record Span(String take, double from, double to) {
    }

    /**
     * The comp with {@code take} playing from {@code from} to {@code to} seconds (clamped to the phrase's
     * {@code length}); neighbouring pieces of one take merge.
     */
    static List<TakesSession.Piece> put(List<TakesSession.Piece> comp, String take, double from, double to, double length) {
        double a = Math.max(0, Math.min(from, to));
        double b = Math.min(length, Math.max(from, to));
        // a drag that ends (or starts) within 50 ms of the phrase's edge goes to the edge
        if (length - b < 0.05) {
            b = length;
        }
        if (a < 0.05) {
            a = 0;
        }
        List<Span> spans = new ArrayList<>();
        double at = 0;
        for (TakesSession.Piece p : comp) {
            double end = p.untilS().orElse(length);
            spans.add(new Span(p.take(), at, Math.min(end, length)));
            at = end;
        }
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (s.to() <= a || s.from() >= b) {
                out.add(s);
                continue;
            }
            if (s.from() < a) {
                out.add(new Span(s.take(), s.from(), a));
            }
            if (s.to() > b) {
                out.add(new Span(s.take(), b, s.to()));
            }
        }
        out.add(new Span(take, a, b));
        out.sort(java.util.Comparator.comparingDouble(Span::from));
        List<Span> merged = new ArrayList<>();
        for (Span s : out) {
            if (s.to() - s.from() < 1e-6) {
                continue;
            }
            if (!merged.isEmpty() && merged.get(merged.size() - 1).take().equals(s.take())) {
                Span last = merged.remove(merged.size() - 1);
                merged.add(new Span(s.take(), last.from(), s.to()));
            } else {
                merged.add(s);
            }
        }
        List<TakesSession.Piece> pieces = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            boolean last = i == merged.size() - 1;
            pieces.add(new TakesSession.Piece(merged.get(i).take(),
                    last ? Optional.empty() : Optional.of(Math.round(merged.get(i).to() * 1000) / 1000.0)));
        }
        return pieces;
    }
}
