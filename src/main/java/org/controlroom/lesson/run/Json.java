package org.controlroom.lesson.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes the small JSON records of questions and responses that the store keeps. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /**
     * The (truth, answer) pairs a stored several-band answer keeps under {@code "pairs"}; empty when it has
     * none (one band, an answer from before they were kept, or JSON that does not read).
     */
    static java.util.List<double[]> pairs(String json) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        try {
            com.fasterxml.jackson.databind.JsonNode pairs = MAPPER.readTree(json == null ? "{}" : json).path("pairs");
            for (com.fasterxml.jackson.databind.JsonNode p : pairs) {
                if (p.size() == 2 && p.get(0).isNumber() && p.get(1).isNumber()) {
                    out.add(new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()});
                }
            }
        } catch (JsonProcessingException e) {
            return java.util.List.of();
        }
        return out;
    }

    static String of(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value, e);
        }
    }
}
