package org.controlroom.lesson.script;

import java.util.List;

/**
 * A seeded event: in an attempt it strikes with {@code probability}, on {@code day} if the project is
 * still running then. Striking costs {@code cost} and {@code delayDays} whatever the learner does; then
 * the learner picks one of the {@code responses} (a lesson that lists none offers one, "carry on",
 * that changes nothing more).
 */
public record BudgetEvent(String id, String name, double probability, int delayDays, double cost, int day,
                          List<EventResponse> responses) {
    public static final EventResponse CARRY_ON = new EventResponse("carry-on", "Carry on", 0, 0, 0, 0);

    public BudgetEvent {
        responses = responses.isEmpty() ? List.of(CARRY_ON) : List.copyOf(responses);
    }

    public BudgetEvent(String id, String name, double probability, int delayDays, double cost) {
        this(id, name, probability, delayDays, cost, 1, List.of());
    }

    public EventResponse response(String responseId) {
        return responses.stream().filter(r -> r.id().equals(responseId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + responseId + "' is not a response to '" + id
                        + "' (responses: " + String.join(", ", responses.stream().map(EventResponse::id).toList()) + ")"));
    }
}
