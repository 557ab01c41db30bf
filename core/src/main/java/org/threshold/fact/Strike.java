package org.threshold.fact;

import java.time.LocalDate;
import java.util.Objects;

/** A strike on the adversary, by the observer or its proxy, at a depth, with a severity in [0, 1]. */
public record Strike(LocalDate day, Party by, Target target, double severity, Source source) implements Event {
    public Strike {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(target, "target");
        Scores.requireScore("severity", severity);
    }

    /** The event without a source. */
    public Strike(LocalDate day, Party by, Target target, double severity) {
        this(day, by, target, severity, null);
    }

    /** As a record prints itself, the source left out where there is none. */
    @Override
    public String toString() {
        return "Strike[day=" + day + ", by=" + by + ", target=" + target + ", severity=" + severity
                + (source == null ? "" : ", source=" + source) + "]";
    }
}
