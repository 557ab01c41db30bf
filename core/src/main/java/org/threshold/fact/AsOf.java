package org.threshold.fact;

import java.time.LocalDate;
import java.util.Objects;

import org.kie.api.definition.type.ClassReactive;

/**
 * The day of the assessment: the clock that response windows are measured against.
 *
 * <p>Class-reactive: a simulation or a live session moves the clock in place
 * ({@code update(handle, new AsOf(day))}), and every pattern on it, with or without
 * constraints, hears the change, as it would a new clock.
 */
@ClassReactive
public record AsOf(LocalDate day) {
    public AsOf {
        Objects.requireNonNull(day, "day");
    }

    /** {@link #day()} as days since 1970-01-01. */
    public long epochDay() {
        return day.toEpochDay();
    }
}
