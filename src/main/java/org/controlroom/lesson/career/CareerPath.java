package org.controlroom.lesson.career;

/** How the learner works: on a studio's payroll, or for themselves. */
public enum CareerPath {
    /** A studio's salary, paid weekly from the rank's figure; the studio assigns the jobs. */
    EMPLOYED,
    /** Day rates rising with reputation; the learner picks the jobs and pays for dry weeks. */
    FREELANCE;

    /** The word the command line uses: "employed" or "freelance". */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws CareerException for anything but "employed" or "freelance" (any case) */
    public static CareerPath of(String word) {
        for (CareerPath p : values()) {
            if (p.word().equalsIgnoreCase(word == null ? "" : word.strip())) {
                return p;
            }
        }
        throw new CareerException("a career path is 'employed' or 'freelance', not '" + word + "'");
    }
}
