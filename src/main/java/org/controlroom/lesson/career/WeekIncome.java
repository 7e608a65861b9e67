package org.controlroom.lesson.career;

/**
 * A week's money for the income chart.
 *
 * @param salaryPence    salary
 * @param feesPence      fees and day rates
 * @param royaltiesPence royalties
 * @param costsPence     dry weeks and path switches (zero or negative)
 */
public record WeekIncome(int week, long salaryPence, long feesPence, long royaltiesPence, long costsPence) {
    /** Everything in and out that week. */
    public long totalPence() {
        return salaryPence + feesPence + royaltiesPence + costsPence;
    }
}
