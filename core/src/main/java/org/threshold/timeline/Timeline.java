package org.threshold.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.threshold.fact.Event;

/**
 * The result of a simulation: the reported steps and every transition, day by day.
 *
 * @param scenario the scenario's name
 * @param from the first day
 * @param to the last day
 * @param stepDays days between reported steps (the last day is always reported)
 * @param steps the reported steps, in order
 * @param transitions every change of a conclusion, the posture or the risk level, in order; found
 *     day by day whatever the step
 */
public record Timeline(String scenario, LocalDate from, LocalDate to, int stepDays, List<Step> steps,
        List<Transition> transitions) {

    public Timeline {
        Objects.requireNonNull(scenario, "scenario");
        steps = List.copyOf(steps);
        transitions = List.copyOf(transitions);
    }

    /** The last reported step: the state as of {@link #to()}. */
    public Step last() {
        return steps.get(steps.size() - 1);
    }

    /** Every event the policy made, in order. */
    public List<Event> generated() {
        List<Event> all = new ArrayList<>();
        steps.forEach(s -> all.addAll(s.generated()));
        return all;
    }

    /** The first day {@code subject} begins to hold (or, for posture or risk level, takes {@code state}), if ever. */
    public java.util.Optional<LocalDate> firstDay(String subject, String state) {
        return transitions.stream().filter(t -> t.subject().equals(subject) && t.after().equals(state))
                .map(Transition::day).findFirst();
    }
}
