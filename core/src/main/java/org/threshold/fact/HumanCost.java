package org.threshold.fact;

import java.util.Objects;

/** The human cost borne by a party, a score in [0, 1]: "the dead are overwhelmingly Ukrainian". */
public record HumanCost(Party party, double human) {
    public HumanCost {
        Objects.requireNonNull(party, "party");
        Scores.requireScore("human cost", human);
    }
}
