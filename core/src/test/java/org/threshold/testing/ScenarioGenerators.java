package org.threshold.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.threshold.Calibration;
import org.threshold.Scenario;
import org.threshold.fact.Event;
import org.threshold.fact.Faction;
import org.threshold.fact.HumanCost;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Retaliation;
import org.threshold.fact.ReturnTicket;
import org.threshold.fact.Signal;
import org.threshold.fact.Stance;
import org.threshold.fact.Strain;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;

/**
 * QuickTheories generators of scenarios and their parts, for property-based tests of the default
 * rule pack and of your own.
 *
 * <pre>{@code
 * ScenarioGenerators gen = ScenarioGenerators.standard();          // or .maxEvents(30).without(Kind.CROSSING)
 * qt().forAll(gen.scenarios(), gen.strikes())
 *     .checkAssert((scenario, strike) -> {
 *         Assessment before = reasoner.assess(scenario);
 *         Assessment after = reasoner.assess(scenario.toBuilder().event(strike).build());
 *         assertThat(after.metric("humiliation")).isGreaterThanOrEqualTo(before.metric("humiliation"));
 *     });
 * }</pre>
 *
 * <p>An instance holds the shape of what it generates: the {@code asOf} day, how many days before
 * it events fall ({@link #windowDays(int)}), how many events and factions a scenario has at most,
 * which kinds of events occur and how often, and how fine scores are. Instances are immutable;
 * each {@code with}-style method returns a changed copy.
 *
 * <p>Everything is built from small integer generators (a score is {@code k / steps}, a day is
 * {@code asOf} minus a number of days, a list has a generated size), so QuickTheories shrinks a
 * failing case towards few events, few factions, scores of 0 and days close to {@code asOf}, and
 * prints numbers such as {@code 0.35} rather than {@code 0.3498712...}. Scenarios print as the
 * YAML of a scenario file ({@link #describe(Scenario)}), so a shrunk counterexample can be pasted
 * into a file and run with {@code threshold assess}.
 */
public final class ScenarioGenerators {

    /** The {@code asOf} day of {@link #standard()}. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 24);

    /** The kinds of event a scenario's list of events is drawn from. */
    public enum Kind {
        STRIKE, THREAT, RETALIATION, PRESSURE, CROSSING
    }

    private final LocalDate asOf;
    private final int windowDays;
    private final int maxEvents;
    private final int maxFactions;
    private final int scoreSteps;
    private final Map<Kind, Integer> weights;

    private ScenarioGenerators(LocalDate asOf, int windowDays, int maxEvents, int maxFactions, int scoreSteps,
            Map<Kind, Integer> weights) {
        this.asOf = asOf;
        this.windowDays = windowDays;
        this.maxEvents = maxEvents;
        this.maxFactions = maxFactions;
        this.scoreSteps = scoreSteps;
        this.weights = weights;
    }

    /**
     * Scenarios as of {@link #DEFAULT_AS_OF} with up to 15 events in the 120 days before it (so
     * that some 30-day response windows are open and some closed), up to 3 factions, scores in
     * steps of 0.01, and events drawn as strikes 4 : threats 2 : retaliations 2 : pressure 2 :
     * threshold crossings 1.
     */
    public static ScenarioGenerators standard() {
        Map<Kind, Integer> weights = new EnumMap<>(Kind.class);
        weights.put(Kind.STRIKE, 4);
        weights.put(Kind.THREAT, 2);
        weights.put(Kind.RETALIATION, 2);
        weights.put(Kind.PRESSURE, 2);
        weights.put(Kind.CROSSING, 1);
        return new ScenarioGenerators(DEFAULT_AS_OF, 120, 15, 3, 100, weights);
    }

    // ---- shape ----

    /** The same generators for scenarios assessed as of {@code day}. */
    public ScenarioGenerators asOf(LocalDate day) {
        return new ScenarioGenerators(Objects.requireNonNull(day, "day"), windowDays, maxEvents, maxFactions,
                scoreSteps, weights);
    }

    /** Events fall on {@code asOf} or up to {@code days} before it. */
    public ScenarioGenerators windowDays(int days) {
        require(days >= 0, "windowDays must be >= 0 (" + days + ")");
        return new ScenarioGenerators(asOf, days, maxEvents, maxFactions, scoreSteps, weights);
    }

    /** A scenario has at most {@code max} events. */
    public ScenarioGenerators maxEvents(int max) {
        require(max >= 0, "maxEvents must be >= 0 (" + max + ")");
        return new ScenarioGenerators(asOf, windowDays, max, maxFactions, scoreSteps, weights);
    }

    /** A scenario has at most {@code max} factions. */
    public ScenarioGenerators maxFactions(int max) {
        require(max >= 0, "maxFactions must be >= 0 (" + max + ")");
        return new ScenarioGenerators(asOf, windowDays, maxEvents, max, scoreSteps, weights);
    }

    /** Scores are multiples of {@code 1 / steps}: 100 gives 0, 0.01, ..., 1. */
    public ScenarioGenerators scoreSteps(int steps) {
        require(steps >= 1, "scoreSteps must be >= 1 (" + steps + ")");
        return new ScenarioGenerators(asOf, windowDays, maxEvents, maxFactions, steps, weights);
    }

    /** Events of {@code kind} are drawn with relative frequency {@code weight} (0 for never). */
    public ScenarioGenerators weight(Kind kind, int weight) {
        require(weight >= 0, "a weight must be >= 0 (" + kind + " " + weight + ")");
        Map<Kind, Integer> next = new EnumMap<>(weights);
        next.put(Objects.requireNonNull(kind, "kind"), weight);
        require(next.values().stream().anyMatch(w -> w > 0), "at least one kind of event needs a weight above 0");
        return new ScenarioGenerators(asOf, windowDays, maxEvents, maxFactions, scoreSteps, next);
    }

    /** No events of these kinds. */
    public ScenarioGenerators without(Kind... kinds) {
        ScenarioGenerators g = this;
        for (Kind k : kinds) {
            g = g.weight(k, 0);
        }
        return g;
    }

    /** Only events of these kinds, each with its present weight (or 1 where it had none). */
    public ScenarioGenerators only(Kind... kinds) {
        Set<Kind> keep = EnumSet.noneOf(Kind.class);
        keep.addAll(Arrays.asList(kinds));
        require(!keep.isEmpty(), "only(...) needs at least one kind");
        Map<Kind, Integer> next = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            next.put(k, keep.contains(k) ? Math.max(1, weights.get(k)) : 0);
        }
        return new ScenarioGenerators(asOf, windowDays, maxEvents, maxFactions, scoreSteps, next);
    }

    public LocalDate asOf() {
        return asOf;
    }

    public int windowDays() {
        return windowDays;
    }

    // ---- numbers and days ----

    /** Scores in [0, 1] in steps of {@code 1 / scoreSteps}; shrinks towards 0. */
    public Gen<Double> scores() {
        return scores(0.0, 1.0);
    }

    /** Scores in [{@code low}, {@code high}] (within [0, 1]) on the same grid; shrinks towards {@code low}. */
    public Gen<Double> scores(double low, double high) {
        require(0.0 <= low && low <= high && high <= 1.0, "need 0 <= low <= high <= 1 (" + low + ", " + high + ")");
        int from = (int) Math.ceil(low * scoreSteps - 1e-9);
        int to = (int) Math.floor(high * scoreSteps + 1e-9);
        int steps = scoreSteps;
        return integers().between(0, to - from).map(k -> (from + k) / (double) steps);
    }

    /** Days from {@code asOf - windowDays} to {@code asOf}; shrinks towards {@code asOf}. */
    public Gen<LocalDate> days() {
        return daysAgo(0, windowDays);
    }

    /** Days from {@code asOf - maxAgo} to {@code asOf - minAgo}; shrinks towards {@code asOf - minAgo}. */
    public Gen<LocalDate> daysAgo(int minAgo, int maxAgo) {
        require(minAgo <= maxAgo, "need minAgo <= maxAgo (" + minAgo + ", " + maxAgo + ")");
        LocalDate day = asOf;
        return integers().between(0, maxAgo - minAgo).map(k -> day.minusDays(minAgo + (long) k));
    }

    /** Days after {@code asOf}, which a scenario keeps but the reasoner does not assess. */
    public Gen<LocalDate> daysAfterAsOf() {
        LocalDate day = asOf;
        return integers().between(1, Math.max(1, windowDays)).map(day::plusDays);
    }

    // ---- events ----

    public Gen<Strike> strikes() {
        return strikes(days(), Generate.enumValues(Target.class));
    }

    /** Strikes on these days at these depths, by either party, of any severity. */
    public Gen<Strike> strikes(Gen<LocalDate> days, Gen<Target> targets) {
        return strikes(days, targets, scores());
    }

    /** Strikes on these days at these depths and severities, by either party. */
    public Gen<Strike> strikes(Gen<LocalDate> days, Gen<Target> targets, Gen<Double> severities) {
        return days.zip(Generate.enumValues(Party.class), targets, severities, Strike::new);
    }

    /** DEEP or CAPITAL strikes: those that make conveyor cycles once their window closes unanswered. */
    public Gen<Strike> deepStrikes(Gen<LocalDate> days) {
        return strikes(days, Generate.pick(List.of(Target.DEEP, Target.CAPITAL)));
    }

    public Gen<Threat> threats() {
        return threats(days());
    }

    public Gen<Threat> threats(Gen<LocalDate> days) {
        return days.zip(scores(), Threat::new);
    }

    public Gen<Retaliation> retaliations() {
        return days().zip(scores(), Retaliation::new);
    }

    public Gen<Pressure> pressures() {
        return days().zip(Generate.enumValues(PressureKind.class), scores(), Pressure::new);
    }

    public Gen<ThresholdCrossing> crossings() {
        return crossings(days());
    }

    public Gen<ThresholdCrossing> crossings(Gen<LocalDate> days) {
        return days.map(d -> new ThresholdCrossing(d));
    }

    /** One event, its kind drawn by the weights. */
    public Gen<Event> events() {
        List<Pair<Integer, Gen<Event>>> choices = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (weights.get(k) > 0) {
                choices.add(Pair.of(weights.get(k), eventsOf(k)));
            }
        }
        return Generate.frequency(choices);
    }

    /**
     * Lists of {@code 0..maxEvents} events.
     *
     * <p>Each place in the list carries a flag that keeps or drops its event, and the flag shrinks
     * towards dropping: QuickTheories shrinks a list only from its end, and the flags let it drop
     * an event from the middle too, so a counterexample keeps only the events it needs.
     */
    public Gen<List<Event>> eventLists() {
        Gen<Event> maybe = integers().between(0, 4).zip(events(), (keep, e) -> keep > 0 ? e : null);
        return lists().of(maybe).ofSizeBetween(0, maxEvents).map(ScenarioGenerators::kept);
    }

    private static List<Event> kept(List<Event> events) {
        List<Event> out = new ArrayList<>(events.size());
        for (Event e : events) {
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private Gen<Event> eventsOf(Kind kind) {
        return switch (kind) {
            case STRIKE -> strikes().map(e -> (Event) e);
            case THREAT -> threats().map(e -> (Event) e);
            case RETALIATION -> retaliations().map(e -> (Event) e);
            case PRESSURE -> pressures().map(e -> (Event) e);
            case CROSSING -> crossings().map(e -> (Event) e);
        };
    }

    // ---- the adversary and the observer ----

    public Gen<ReturnTicket> returnTickets() {
        return scores().zip(scores(), scores(), scores(), ReturnTicket::new);
    }

    public Gen<Strain> strains() {
        return scores().zip(scores(), scores(), scores(), Strain::new);
    }

    /** A faction; name it with {@link #factions()} to keep names distinct within a scenario. */
    public Gen<Faction> faction(String name) {
        return Generate.enumValues(Stance.class).zip(scores(), (stance, influence) -> new Faction(name, stance, influence));
    }

    /** Lists of {@code 0..maxFactions} factions with distinct names ({@code hardline-1}, {@code pragmatic-2}, ...). */
    public Gen<List<Faction>> factions() {
        return lists().of(faction("?")).ofSizeBetween(0, maxFactions).map(ScenarioGenerators::named);
    }

    private static List<Faction> named(List<Faction> factions) {
        List<Faction> out = new ArrayList<>(factions.size());
        for (int i = 0; i < factions.size(); i++) {
            Faction f = factions.get(i);
            out.add(new Faction(f.stance().name().toLowerCase(Locale.ROOT) + "-" + (i + 1), f.stance(), f.influence()));
        }
        return out;
    }

    /** Sets of observer signals, from none to all four. */
    public Gen<Set<Signal>> signals() {
        return lists().of(Generate.enumValues(Signal.class)).ofSizeBetween(0, Signal.values().length).map(list -> {
            Set<Signal> set = EnumSet.noneOf(Signal.class);
            set.addAll(list);
            return set;
        });
    }

    // ---- whole scenarios ----

    /** Scenarios named {@code generated}, with every part generated and the default calibration. */
    public Gen<Scenario> scenarios() {
        return scenarios(Generate.constant(Calibration.defaults()));
    }

    /** Scenarios as {@link #scenarios()}, with calibrations drawn from {@code calibrations}. */
    public Gen<Scenario> scenarios(Gen<Calibration> calibrations) {
        Gen<Adversary> adversaries = scores().zip(returnTickets(), factions(), strains(), Adversary::new);
        Gen<Observer> observers = signals().zip(scores(), scores(), Observer::new);
        LocalDate day = asOf;
        return adversaries.zip(observers, eventLists(), calibrations, (a, o, events, calibration) -> {
            Scenario.Builder b = Scenario.builder("generated", day)
                    .capacity(a.capacity())
                    .returnTicket(a.returnTicket())
                    .strain(a.strain())
                    .cost(Party.OBSERVER, o.observerCost())
                    .cost(Party.PROXY, o.proxyCost())
                    .events(events)
                    .calibration(calibration);
            a.factions().forEach(b::faction);
            o.signals().forEach(b::signal);
            return b.build();
        }).describedAs(ScenarioGenerators::describe);
    }

    private record Adversary(double capacity, ReturnTicket returnTicket, List<Faction> factions, Strain strain) {
    }

    private record Observer(Set<Signal> signals, double observerCost, double proxyCost) {
    }

    // ---- printing ----

    /**
     * The scenario as the YAML of a scenario file (the format of {@code INTERFACES.md}), events in
     * their order in the scenario and only the calibration keys that differ from the defaults:
     * readable in a failure report, and runnable with {@code threshold assess}.
     */
    public static String describe(Scenario s) {
        StringBuilder y = new StringBuilder("\n");
        y.append("name: ").append(s.name()).append('\n');
        y.append("asOf: ").append(s.asOf()).append('\n');
        y.append("adversary:\n");
        y.append("  capacity: ").append(s.capacity().value()).append('\n');
        ReturnTicket t = s.returnTicket();
        y.append("  returnTicket: {finance: ").append(t.finance()).append(", recognition: ").append(t.recognition())
                .append(", eliteAspiration: ").append(t.eliteAspiration()).append(", negotiability: ")
                .append(t.negotiability()).append("}\n");
        if (!s.factions().isEmpty()) {
            y.append("  factions:\n");
            for (Faction f : s.factions()) {
                y.append("    - {name: ").append(f.name()).append(", stance: ").append(f.stance())
                        .append(", influence: ").append(f.influence()).append("}\n");
            }
        }
        Strain st = s.strain();
        y.append("  strain: {budget: ").append(st.budget()).append(", legitimacy: ").append(st.legitimacy())
                .append(", recruitment: ").append(st.recruitment()).append(", eliteCohesion: ")
                .append(st.eliteCohesion()).append("}\n");
        y.append("observer:\n  signals: ").append(s.signals()).append('\n');
        y.append("costs:\n");
        for (Map.Entry<Party, HumanCost> c : s.costs().entrySet()) {
            y.append("  ").append(c.getKey().name().toLowerCase(Locale.ROOT)).append(": {human: ")
                    .append(c.getValue().human()).append("}\n");
        }
        y.append(s.events().isEmpty() ? "events: []\n" : "events:\n");
        for (Event e : s.events()) {
            y.append("  - ").append(describe(e)).append("   # asOf - ")
                    .append(s.asOf().toEpochDay() - e.day().toEpochDay()).append('\n');
        }
        Map<String, Double> changed = s.calibration().changes();
        if (!changed.isEmpty()) {
            y.append("calibration:\n");
            changed.forEach((k, v) -> y.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        return y.toString();
    }

    /** One event as a line of a scenario file's {@code events:}. */
    public static String describe(Event e) {
        String day = "{day: " + e.day() + ", type: ";
        if (e instanceof Strike s) {
            return day + "STRIKE, by: " + s.by() + ", target: " + s.target() + ", severity: " + s.severity() + "}";
        } else if (e instanceof Threat t) {
            return day + "THREAT, severity: " + t.severity() + "}";
        } else if (e instanceof Retaliation r) {
            return day + "RETALIATION, severity: " + r.severity() + "}";
        } else if (e instanceof Pressure p) {
            return day + "PRESSURE, kind: " + p.kind() + ", magnitude: " + p.magnitude() + "}";
        } else if (e instanceof ThresholdCrossing) {
            return day + "THRESHOLD_CROSSING}";
        }
        return day + e.getClass().getSimpleName() + "} # " + e;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
