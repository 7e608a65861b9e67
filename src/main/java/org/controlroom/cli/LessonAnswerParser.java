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
 * separated by commas or spaces, or "none".
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
