package org.controlroom.lesson.tutor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.controlroom.store.AnswerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An attempt's stored answers and criteria in words, for the gradebook's cell detail. */
public final class AttemptText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttemptText() {
    }

    /** One line per answer: step, question, response, right or wrong, error, time, listens, points. */
    public static List<String> answers(List<AnswerRecord> answers) {
        List<String> out = new ArrayList<>();
        for (AnswerRecord a : answers) {
            StringBuilder b = new StringBuilder();
            b.append("Step ").append(a.step()).append(": ").append(compact(a.questionJson())).append(" \u2192 ")
                    .append(compact(a.responseJson()));
            a.correct().ifPresent(c -> b.append(c ? " \u2014 right" : " \u2014 wrong"));
            a.error().ifPresent(e -> b.append(", off by ").append(num(e)).append(a.errorUnit().map(u -> " " + u).orElse("")));
            b.append(String.format(Locale.ROOT, ", %.1f s", a.responseMillis() / 1000.0));
            if (a.playsA() > 0 || a.playsB() > 0) {
                b.append(", A\u00d7").append(a.playsA()).append(" B\u00d7").append(a.playsB());
            }
            if (a.maxPoints() > 0) {
                b.append(", ").append(num(a.points())).append('/').append(num(a.maxPoints())).append(" points");
            }
            out.add(b.toString());
        }
        return out;
    }

    /**
     * One line per criterion: name, score, weight, what it says, and the numbers it was scored from
     * ({@code measured}); the JSON as stored when it cannot be read.
     */
    public static List<String> criteria(String criteriaJson) {
        List<String> out = new ArrayList<>();
        if (criteriaJson == null || criteriaJson.isBlank()) {
            return out;
        }
        JsonNode root;
        try {
            root = JSON.readTree(criteriaJson);
        } catch (JsonProcessingException e) {
            out.add(criteriaJson);
            return out;
        }
        if (!root.isArray()) {
            out.add(compact(criteriaJson));
            return out;
        }
        for (JsonNode c : root) {
            StringBuilder b = new StringBuilder();
            b.append(c.path("name").asText("?"));
            if (c.has("score")) {
                b.append(": ").append(num(c.get("score").asDouble()));
            }
            if (c.has("weight")) {
                b.append(" (weight ").append(num(c.get("weight").asDouble())).append(')');
            }
            String detail = c.path("detail").asText("");
            if (!detail.isEmpty()) {
                b.append(" \u2014 ").append(detail);
            }
            JsonNode m = c.get("measured");
            if (m != null && !m.isNull() && !(m.isObject() && m.isEmpty())) {
                b.append("; measured: ").append(measured(m));
            }
            out.add(b.toString());
        }
        return out;
    }

    private static String measured(JsonNode m) {
        if (!m.isObject()) {
            return m.isNumber() ? num(m.asDouble()) : m.toString();
        }
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = m.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            parts.add(e.getKey() + " " + (v.isNumber() ? num(v.asDouble()) : v.isObject() ? "{" + measured(v) + "}" : v.toString()));
        }
        return String.join(", ", parts);
    }

    private static String compact(String json) {
        if (json == null) {
            return "";
        }
        String s = json.strip();
        return s.length() > 160 ? s.substring(0, 157) + "\u2026" : s;
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0$", "");
    }
}
