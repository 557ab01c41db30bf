package org.threshold.impl;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.Assessment;
import org.threshold.Finding;
import org.threshold.Policy;
import org.threshold.Scenario;
import org.threshold.analysis.Progress;
import org.threshold.fact.AsOf;
import org.threshold.fact.Event;
import org.threshold.fact.Posture;
import org.threshold.fact.Pressure;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Step;
import org.threshold.timeline.Timeline;
import org.threshold.timeline.Transition;

/**
 * One run of {@link DefaultReasoner#simulate}: a single engine session whose clock fact
 * ({@link AsOf}) moves forward a day at a time.
 *
 * <p>Implementation notes: each day updates the clock fact in place and inserts only that day's
 * events, so the engine re-evaluates just the rules that depend on the clock or on the new facts,
 * and truth maintenance withdraws whatever no longer holds; nothing is rebuilt. The state is read
 * every day, so transitions are found on their exact day whatever the reporting step.
 */
final class Simulation {

    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);

    private final DefaultReasoner reasoner;
    private final Scenario scenario;
    private final LocalDate from;
    private final LocalDate to;
    private final int stepDays;
    private final Policy policy;

    private LocalDate lastPolicyStrike;
    private LocalDate lastPolicyPressure;
    private Target deepest;

    Simulation(DefaultReasoner reasoner, Scenario scenario, SimulationOptions options) {
        this.reasoner = reasoner;
        this.scenario = scenario;
        this.to = options.to() != null ? options.to() : scenario.asOf();
        LocalDate first = scenario.events().stream().map(Event::day).min(Comparator.naturalOrder()).orElse(to);
        this.from = options.from() != null ? options.from() : (first.isAfter(to) ? to : first);
        this.stepDays = options.stepDays();
        this.policy = scenario.policy();
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the simulation must start on or before its last day (from " + from
                    + ", to " + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > SimulationOptions.MAX_DAYS) {
            throw new IllegalArgumentException("a simulation may cover at most " + SimulationOptions.MAX_DAYS
                    + " days (from " + from + ", to " + to + ")");
        }
    }

    Timeline run(Progress progress) {
        progress.start("simulate", ChronoUnit.DAYS.between(from, to) + 1);
        try {
            return run(progress::advance);
        } finally {
            progress.finish();
        }
    }

    private Timeline run(java.util.function.LongConsumer dayDone) {
        List<Event> events = new ArrayList<>(scenario.events());
        events.sort(Comparator.comparing(Event::day));
        long started = System.nanoTime();
        KieSession session = reasoner.newSession();
        try {
            for (Object fact : reasoner.calibrationFacts(reasoner.calibrationFor(scenario))) {
                session.insert(fact);
            }
            FactHandle clock = session.insert(new AsOf(from));
            for (Object fact : scenario.facts()) {
                if (!(fact instanceof Event)) {
                    session.insert(fact);
                }
            }
            List<Step> steps = new ArrayList<>();
            List<Transition> transitions = new ArrayList<>();
            List<Event> sinceStep = new ArrayList<>();
            List<Event> generatedSinceStep = new ArrayList<>();
            List<Event> inserted = new ArrayList<>();
            Justifications.Memo memo = new Justifications.Memo();
            int next = 0;
            Assessment previous = null;
            long days = ChronoUnit.DAYS.between(from, to);
            for (long d = 0; d <= days; d++) {
                LocalDate day = from.plusDays(d);
                if (d > 0) {
                    // the clock moves in place: what rests on it is re-evaluated, and what comes out
                    // the same stands, with everything derived from it
                    clock = DefaultReasoner.moveClock(session, clock, day);
                }
                while (next < events.size() && !events.get(next).day().isAfter(day)) {
                    Event e = events.get(next++);
                    insert(session, e);
                    inserted.add(e);
                    sinceStep.add(e);
                }
                reasoner.fireFor(session, scenario);
                if (policy.isActive()) {
                    Event made = act(day, reasoner.readAt(session, scenario.name(), day, replay(day, inserted), memo).posture());
                    if (made != null) {
                        insert(session, made);
                        inserted.add(made);
                        sinceStep.add(made);
                        generatedSinceStep.add(made);
                        reasoner.fireFor(session, scenario);
                    }
                }
                Assessment now = reasoner.readAt(session, scenario.name(), day, replay(day, inserted), memo);
                if (previous != null) {
                    compare(day, previous, now, transitions);
                }
                previous = now;
                dayDone.accept(1);
                if (d % stepDays == 0 || d == days) {
                    steps.add(new Step(day, now, sinceStep, generatedSinceStep));
                    sinceStep = new ArrayList<>();
                    generatedSinceStep = new ArrayList<>();
                }
            }
            LOG.debug("simulated '{}' from {} to {} ({} days) in {} ms", scenario.name(), from, to, days + 1,
                    (System.nanoTime() - started) / 1_000_000);
            return new Timeline(scenario.name(), from, to, stepDays, steps, transitions);
        } finally {
            session.dispose();
        }
    }

    /** The scenario as of {@code day} with the events taken in so far: what the session holds, to assess again. */
    private java.util.function.Supplier<Scenario> replay(LocalDate day, List<Event> inserted) {
        return () -> new Scenario(scenario.name(), day, scenario.capacity(), scenario.returnTicket(), scenario.factions(),
                scenario.strain(), scenario.signals(), scenario.costs(), List.copyOf(inserted), scenario.calibration(),
                scenario.policy());
    }

    private void insert(KieSession session, Event e) {
        session.insert(e);
        if (e instanceof Strike s && (deepest == null || s.target().compareTo(deepest) > 0)) {
            deepest = s.target();
        }
    }

    /** The event the policy makes today, given the posture after today's events; null for none. */
    private Event act(LocalDate day, Posture posture) {
        if (posture == Posture.PRESS && policy.press() != null && due(lastPolicyStrike, day, policy.press().everyDays())) {
            Policy.Press p = policy.press();
            Target target = p.target() != null ? p.target() : deeper(deepest);
            lastPolicyStrike = day;
            return new Strike(day, p.by(), target, p.severity());
        }
        if (posture == Posture.HOLD && policy.hold() != null && due(lastPolicyPressure, day, policy.hold().everyDays())) {
            Policy.Hold h = policy.hold();
            lastPolicyPressure = day;
            return new Pressure(day, h.kind(), h.magnitude());
        }
        return null;
    }

    private static boolean due(LocalDate last, LocalDate day, int everyDays) {
        return last == null || ChronoUnit.DAYS.between(last, day) >= everyDays;
    }

    /** One level deeper than {@code deepest}, starting at the front line and stopping at the capital. */
    static Target deeper(Target deepest) {
        if (deepest == null) {
            return Target.FRONTLINE;
        }
        Target[] all = Target.values();
        return all[Math.min(deepest.ordinal() + 1, all.length - 1)];
    }

    private static void compare(LocalDate day, Assessment before, Assessment after, List<Transition> out) {
        if (!Objects.equals(before.posture(), after.posture())) {
            out.add(new Transition(day, Transition.POSTURE, String.valueOf(before.posture()),
                    String.valueOf(after.posture()), after.postureBecause()));
        }
        if (!Objects.equals(before.riskLevel(), after.riskLevel())) {
            out.add(new Transition(day, Transition.RISK_LEVEL, String.valueOf(before.riskLevel()),
                    String.valueOf(after.riskLevel()), after.riskLevelBecause()));
        }
        for (Finding f : before.conclusions()) {
            if (!after.holds(f.type())) {
                out.add(new Transition(day, f.type(), Transition.HOLDS, Transition.DOES_NOT_HOLD, f.because(), f.sources()));
            }
        }
        for (Finding f : after.conclusions()) {
            if (!before.holds(f.type())) {
                out.add(new Transition(day, f.type(), Transition.DOES_NOT_HOLD, Transition.HOLDS, f.because(), f.sources()));
            }
        }
    }
}
