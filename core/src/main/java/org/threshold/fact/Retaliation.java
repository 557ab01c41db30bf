package org.threshold.fact;

import java.time.LocalDate;
import java.util.Objects;

/** A retaliation by the adversary against the proxy, with a severity in [0, 1]. */
public record Retaliation(LocalDate day, double severity, Source source) implements Event {
    public Retaliation {
        Objects.requireNonNull(day, "day");
        Scores.requireScore("severity", severity);
    }

    /** The event without a source. */
    public Retaliation(LocalDate day, double severity) {
        this(day, severity, null);
    }

    /** As a record prints itself, the source left out where there is none. */
    @Override
    public String toString() {
        return "Retaliation[day=" + day + ", severity=" + severity
                + (source == null ? "" : ", source=" + source) + "]";
    }
}
