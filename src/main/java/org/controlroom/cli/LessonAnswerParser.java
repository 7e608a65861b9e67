package org.controlroom.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.controlroom.lesson.run.Choice;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.run.Step;

/**
 * Reads a typed answer for a step: for a number question, the number or a choice's label
 * ("1 kHz", "+3 dB", "L 50%", "4:1") or its position in the list ("3" like the window's key 3, or "#3"); a
 * bare whole number larger than the number of choices is read as a value; for a decision, option ids
 * separated by commas or spaces, or "none". An eq-match question (dialled, no choices) takes each band as
 * {@code FREQ GAIN Q} — the centre in Hz ({@code 1200}, {@code 1.2k}, {@code 1.2 kHz}), the gain in dB
 * ({@code -6}, {@code +3dB}) and the Q ({@code 1.4}, {@code q1.4}) — bands separated by commas or
 * semicolons: {@code 250 +4 1.4, 3.2k -6 2}. Fields may also be named: {@code hz=250 gain=4 q=1.4}.
 */
final class LessonAnswerParser {

    private LessonAnswerParser() {
    }

    static Response parse(Step step, String typed) {
        String text = typed.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("type an answer (one of the choices)");
        }
        boolean numbers = step.drillQuestion().isPresent();
        if (numbers && step.drillQuestion().get().exercise().dialled()) {
            return match(text);
        }
        if (numbers && step.multipleChoice()) {
            // several bands: "250, 4k" or "2, 6" (positions), each one of the choices
            List<String> ids = new ArrayList<>();
            for (String part : text.split("[,+;]")) {
                if (!part.isBlank()) {
                    Response one = parse(new Step(step.index(), step.count(), step.prompt(), step.choices(), false,
                            step.drillQuestion()), part);
                    double v = ((Response.Value) one).value();
                    ids.add(step.choices().stream().filter(c -> c.value() == v).map(Choice::id).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("'" + part.strip() + "' is not one of the choices")));
                }
            }
            return new Response.Options(ids);
        }
        if (numbers) {
            Optional<Choice> byPosition = position(step, text);
            if (byPosition.isPresent()) {
                return new Response.Value(byPosition.get().value());
            }
            Optional<Choice> byLabel = find(step, text);
            if (byLabel.isPresent()) {
                return new Response.Value(byLabel.get().value());
            }
            try {
                return new Response.Value(Double.parseDouble(text.replace("dB", "").replace("Hz", "").strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not one of the choices");
            }
        }
        if (text.equalsIgnoreCase("none")) {
            return new Response.Options(List.of());
        }
        List<String> ids = new ArrayList<>();
        for (String part : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList()) {
            ids.add(find(step, part).map(Choice::id).orElse(part));
        }
        return new Response.Options(ids);
    }

    /** eq-match: "FREQ GAIN Q" per band, bands separated by commas or semicolons. */
    static Response match(String text) {
        List<Response.Band> bands = new ArrayList<>();
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            String band = part.strip().toLowerCase(Locale.ROOT)
                    .replaceAll("(gain_db|gain|hz|freq|q)\\s*[=:]\\s*", " ")
                    .replaceAll("([0-9.])\\s*khz", "$1k").replaceAll("([0-9.])\\s*(hz|db)", "$1")
                    .replaceAll("\\bq\\s*", "").strip();
            String[] f = band.split("\\s+");
            if (f.length != 3) {
                throw new IllegalArgumentException("'" + part.strip() + "': give each band as FREQ GAIN Q,"
                        + " e.g. '1.2k -6 1.4' (bands separated by commas)");
            }
            try {
                double hz = f[0].endsWith("k") ? Double.parseDouble(f[0].substring(0, f[0].length() - 1)) * 1000
                        : Double.parseDouble(f[0]);
                bands.add(new Response.Band(hz, Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.strip() + "': FREQ GAIN Q must be numbers,"
                        + " e.g. '1.2k -6 1.4'");
            }
        }
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("give each band as FREQ GAIN Q, e.g. '1.2k -6 1.4'");
        }
        return new Response.Match(bands);
    }

    /** A bare whole number 1..N names the N-th choice, as the window's keys 1–9 do. */
    private static Optional<Choice> position(Step step, String text) {
        if (!text.matches("[0-9]{1,2}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(text);
        return n >= 1 && n <= step.choices().size() ? Optional.of(step.choices().get(n - 1)) : Optional.empty();
    }

    private static Optional<Choice> find(Step step, String text) {
        List<Choice> choices = step.choices();
        if (text.startsWith("#")) {
            try {
                int n = Integer.parseInt(text.substring(1));
                if (n >= 1 && n <= choices.size()) {
                    return Optional.of(choices.get(n - 1));
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        String wanted = text.toLowerCase(Locale.ROOT).replace(" ", "");
        return choices.stream().filter(c -> c.id().equalsIgnoreCase(text)
                || c.label().toLowerCase(Locale.ROOT).replace(" ", "").equals(wanted)
                || c.label().toLowerCase(Locale.ROOT).replace(" ", "").startsWith(wanted + ":")).findFirst();
    }
}
