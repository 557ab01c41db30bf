package org.threshold.fact;

import java.time.LocalDate;
import java.util.Objects;

/** The day of the assessment: the clock that response windows are measured against. */
public record AsOf(LocalDate day) {
    public AsOf {
        Objects.requireNonNull(day, "day");
    }

    /** {@link #day()} as days since 1970-01-01. */
    public long epochDay() {
        return day.toEpochDay();
    }
}
