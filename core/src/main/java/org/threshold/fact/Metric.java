package org.threshold.fact;

import java.util.Objects;

/**
 * A named number that rules derive, such as {@code maritime.tension}. Rules insert metrics logically,
 * so a metric is withdrawn when the facts it was computed from change.
 */
public record Metric(String name, double value) {
    public Metric {
        Objects.requireNonNull(name, "name");
    }
}
