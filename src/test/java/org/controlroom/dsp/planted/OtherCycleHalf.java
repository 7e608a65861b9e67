package org.controlroom.dsp.planted;

/** The other half of a planted package cycle (see lesson.planted.PlantedViolations). */
public final class OtherCycleHalf {
    public Object back() {
        return new org.controlroom.lesson.planted.PlantedViolations.CycleHalf();
    }
}
