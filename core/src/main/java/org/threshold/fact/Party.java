package org.threshold.fact;

/** The two parties whose actions the observer sees: the observer itself and its proxy. */
public enum Party {
    /** The side that reads the adversary and chooses a posture (the essay's "west"). */
    OBSERVER,
    /** The side that fights the adversary on the observer's behalf (the essay's Ukraine). */
    PROXY
}
