package org.threshold.fact;

import java.time.LocalDate;
import java.util.Objects;

/** Direct confrontation of the adversary with the observer's alliance: "the line it keeps threatening to cross". */
public record ThresholdCrossing(LocalDate day, Source source) implements Event {
    public ThresholdCrossing {
        Objects.requireNonNull(day, "day");
    }

    /** The event without a source. */
    public ThresholdCrossing(LocalDate day) {
        this(day, null);
    }

    /** As a record prints itself, the source left out where there is none. */
    @Override
    public String toString() {
        return "ThresholdCrossing[day=" + day
                + (source == null ? "" : ", source=" + source) + "]";
    }
}
