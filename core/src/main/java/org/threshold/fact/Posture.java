package org.threshold.fact;

/** The observer's posture towards the adversary. */
public enum Posture {
    /** Ration risk: emergency containment after a crossing or under a grave, credible threat. */
    CONTAIN,
    /** Keep pressing a bounded adversary. */
    PRESS,
    /** Neither: hold the current line. */
    HOLD
}
