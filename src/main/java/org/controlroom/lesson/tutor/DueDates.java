package org.controlroom.lesson.tutor;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Due dates as a tutor types them. */
public final class DueDates {

    private DueDates() {
    }

    /**
     * The moment work is due: a date ({@code 2026-12-10}) is due by the end of that day in {@code zone}
     * (work finished at or after midnight is late); a local time ({@code 2026-12-10T17:00}) is due then in
     * {@code zone}; a time with an offset or {@code Z} is due then.
     *
     * @throws TutorException when the text is none of these, saying what it should look like
     */
    public static Instant parse(String text, ZoneId zone) {
        String s = text == null ? "" : text.strip();
        try {
            return LocalDate.parse(s).plusDays(1).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notDate) {
            // below
        }
        try {
            return LocalDateTime.parse(s).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocal) {
            // below
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            throw new TutorException("the due date '" + text + "' is not a date: give YYYY-MM-DD (due by the end of"
                    + " that day) or YYYY-MM-DDTHH:MM (due at that time), e.g. 2026-12-10");
        }
    }

    /** The due moment as a tutor reads it: the date when it is the end of a day in {@code zone}, else date and time. */
    public static String show(Instant due, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(due, zone);
        if (local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return local.toLocalDate().minusDays(1).toString();
        }
        return local.toLocalDate() + " " + local.toLocalTime();
    }
}
