package org.controlroom.lesson.career;

import java.util.List;

/** One week of the calendar: the jobs that book it (taken by then, not delivered before it, due in or after it). */
public record CalendarWeek(int week, List<String> jobIds) {
    public CalendarWeek {
        jobIds = List.copyOf(jobIds);
    }
}
