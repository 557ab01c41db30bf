package org.threshold.fact;

/** Where the adversary's system may give: each part a score in [0, 1]. */
public record Strain(double budget, double legitimacy, double recruitment, double eliteCohesion) {

    /** No strain at all. */
    public static final Strain NONE = new Strain(0, 0, 0, 0);

    public Strain {
        Scores.requireScore("strain.budget", budget);
        Scores.requireScore("strain.legitimacy", legitimacy);
        Scores.requireScore("strain.recruitment", recruitment);
        Scores.requireScore("strain.eliteCohesion", eliteCohesion);
    }
}
