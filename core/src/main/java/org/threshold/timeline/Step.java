package org.threshold.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.threshold.Assessment;
import org.threshold.fact.Event;

/**
 * One reported step of a simulation: the state as of {@code day}, equal to assessing the scenario
 * (with the events the policy made so far) as of that day.
 *
 * @param day the day of the step
 * @param assessment the state as of the day
 * @param events the events dated after the previous step, up to and including this day, the
 *     generated ones among them
 * @param generated the events among {@code events} that the policy made
 */
public record Step(LocalDate day, Assessment assessment, List<Event> events, List<Event> generated) {
    public Step {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(assessment, "assessment");
        events = List.copyOf(events);
        generated = List.copyOf(generated);
    }

    /** Whether {@code event} (this very object) was made by the policy. */
    public boolean isGenerated(Event event) {
        for (Event g : generated) {
            if (g == event) {
                return true;
            }
        }
        return false;
    }
}
