package org.threshold.fact;

/** Where a faction of the adversary's leadership stands on caution. */
public enum Stance {
    HARDLINE, PRAGMATIC
}
