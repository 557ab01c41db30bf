package org.threshold.fact;

import java.time.LocalDate;

/**
 * Something that happened on a day. The reasoner inserts only events dated on or before the
 * assessment's {@code asOf} day, so rules never see the future.
 */
public interface Event {

    /** The calendar day of the event. */
    LocalDate day();

    /**
     * Where the event comes from ({@code source:} in a scenario file); null where not given.
     * The events of this package carry one; other events may leave this default.
     */
    default Source source() {
        return null;
    }

    /** {@link #day()} as days since 1970-01-01, for day arithmetic in rules. */
    default long epochDay() {
        return day().toEpochDay();
    }
}
