package org.threshold.fact;

import java.time.LocalDate;
import java.util.Objects;

/** Pressure the observer adds, of a kind, with a magnitude in [0, 1]. */
public record Pressure(LocalDate day, PressureKind kind, double magnitude, Source source) implements Event {
    public Pressure {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        Scores.requireScore("magnitude", magnitude);
    }

    /** The event without a source. */
    public Pressure(LocalDate day, PressureKind kind, double magnitude) {
        this(day, kind, magnitude, null);
    }

    /** As a record prints itself, the source left out where there is none. */
    @Override
    public String toString() {
        return "Pressure[day=" + day + ", kind=" + kind + ", magnitude=" + magnitude
                + (source == null ? "" : ", source=" + source) + "]";
    }
}
