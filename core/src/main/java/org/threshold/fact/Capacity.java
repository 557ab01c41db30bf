package org.threshold.fact;

/** The adversary's capacity for destruction, a score in [0, 1]. */
public record Capacity(double value) {
    public Capacity {
        Scores.requireScore("capacity", value);
    }
}
