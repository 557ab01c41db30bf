package org.threshold.fact;

import java.time.LocalDate;
import java.util.Objects;

/** A threat by the adversary, with a severity in [0, 1]: "escalation in language before hardware". */
public record Threat(LocalDate day, double severity, Source source) implements Event {
    public Threat {
        Objects.requireNonNull(day, "day");
        Scores.requireScore("severity", severity);
    }

    /** The event without a source. */
    public Threat(LocalDate day, double severity) {
        this(day, severity, null);
    }

    /** As a record prints itself, the source left out where there is none. */
    @Override
    public String toString() {
        return "Threat[day=" + day + ", severity=" + severity
                + (source == null ? "" : ", source=" + source) + "]";
    }
}
