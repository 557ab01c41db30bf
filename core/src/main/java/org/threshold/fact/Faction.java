package org.threshold.fact;

import java.util.Objects;

/** A faction of the adversary's leadership, with its stance and its influence in [0, 1]. */
public record Faction(String name, Stance stance, double influence) {
    public Faction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stance, "stance");
        Scores.requireScore("influence", influence);
    }
}
