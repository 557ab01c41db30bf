package org.threshold.fact;

/** How deep into the adversary a strike lands, from the front line to the capital. */
public enum Target {
    FRONTLINE, INFRASTRUCTURE, DEEP, CAPITAL;

    /** Whether a strike at this depth is a test of the adversary's ceiling (a conveyor cycle when unanswered). */
    public boolean isDeep() {
        return this == DEEP || this == CAPITAL;
    }
}
