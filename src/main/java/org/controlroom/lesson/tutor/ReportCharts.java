package org.controlroom.lesson.tutor;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.controlroom.store.DrillTrial;

/**
 * Draws the charts of a learner's printable report as PNG pictures: their scores on each assignment and
 * the progress screen's drill charts. The drawing needs the window's chart library, so it lives in the
 * window's packages and is found at run time ({@code META-INF/services/org.controlroom.lesson.tutor.ReportCharts});
 * without it a report has its tables only.
 */
public interface ReportCharts {

    /** A chart as a PNG, with its title (the picture's text alternative). */
    record Picture(String title, byte[] png) {
    }

    List<Picture> charts(List<GradeCell> cells, List<DrillTrial> drillTrials);

    /** The chart drawer of this build, if it has one. */
    static Optional<ReportCharts> find() {
        return ServiceLoader.load(ReportCharts.class, ReportCharts.class.getClassLoader()).findFirst();
    }
}
