package org.threshold;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.threshold.ensemble.Uncertainty;
import org.threshold.fact.Capacity;
import org.threshold.fact.Event;
import org.threshold.fact.Faction;
import org.threshold.fact.HumanCost;
import org.threshold.fact.ObserverSignal;
import org.threshold.fact.Party;
import org.threshold.fact.ReturnTicket;
import org.threshold.fact.Signal;
import org.threshold.fact.Strain;

/**
 * A moment to assess: the adversary's state, what the observer shows, the costs, the events up to
 * now, and the calibration. Immutable; build one with {@link #builder(String, LocalDate)} or read
 * one with {@link org.threshold.scenario.ScenarioReader}.
 *
 * <p>Every event counts, identical ones too: two equal strikes are two strikes. Events dated after
 * {@link #asOf()} are kept (a timeline may need them) but not assessed. The {@link Policy} says
 * how the observer acts on its own posture in a simulation; assessments ignore it, as they ignore
 * the {@link Uncertainty} an ensemble draws from.
 */
public record Scenario(
        String name,
        LocalDate asOf,
        Capacity capacity,
        ReturnTicket returnTicket,
        List<Faction> factions,
        Strain strain,
        Set<Signal> signals,
        Map<Party, HumanCost> costs,
        List<Event> events,
        Calibration calibration,
        Policy policy,
        Uncertainty uncertainty) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(asOf, "asOf");
        capacity = capacity == null ? new Capacity(0) : capacity;
        returnTicket = returnTicket == null ? ReturnTicket.NONE : returnTicket;
        factions = List.copyOf(factions == null ? List.of() : factions);
        strain = strain == null ? Strain.NONE : strain;
        signals = signals == null || signals.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Signal.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(signals));
        Map<Party, HumanCost> allCosts = new EnumMap<>(Party.class);
        for (Party p : Party.values()) {
            HumanCost given = costs == null ? null : costs.get(p);
            if (given != null && given.party() != p) {
                throw new IllegalArgumentException("the cost under " + p + " is for " + given.party());
            }
            allCosts.put(p, given == null ? new HumanCost(p, 0) : given);
        }
        costs = Collections.unmodifiableMap(allCosts);
        events = List.copyOf(distinctInstances(events == null ? List.of() : events));
        calibration = calibration == null ? Calibration.defaults() : calibration;
        policy = policy == null ? Policy.NONE : policy;
        uncertainty = uncertainty == null ? Uncertainty.NONE : uncertainty;
        Set<String> names = new LinkedHashSet<>();
        for (Faction f : factions) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("two factions are named '" + f.name() + "'");
            }
        }
    }

    /** A scenario without an {@code uncertainty:} section. */
    public Scenario(String name, LocalDate asOf, Capacity capacity, ReturnTicket returnTicket, List<Faction> factions,
            Strain strain, Set<Signal> signals, Map<Party, HumanCost> costs, List<Event> events, Calibration calibration,
            Policy policy) {
        this(name, asOf, capacity, returnTicket, factions, strain, signals, costs, events, calibration, policy,
                Uncertainty.NONE);
    }

    /** A scenario without a policy. */
    public Scenario(String name, LocalDate asOf, Capacity capacity, ReturnTicket returnTicket, List<Faction> factions,
            Strain strain, Set<Signal> signals, Map<Party, HumanCost> costs, List<Event> events, Calibration calibration) {
        this(name, asOf, capacity, returnTicket, factions, strain, signals, costs, events, calibration, Policy.NONE);
    }

    /** The same scenario assessed as of another day. */
    public Scenario withAsOf(LocalDate day) {
        return new Scenario(name, day, capacity, returnTicket, factions, strain, signals, costs, events, calibration, policy,
                uncertainty);
    }

    /** The same scenario with other events. */
    public Scenario withEvents(List<? extends Event> newEvents) {
        return new Scenario(name, asOf, capacity, returnTicket, factions, strain, signals, costs, List.copyOf(newEvents),
                calibration, policy, uncertainty);
    }

    /**
     * The same scenario with another {@code uncertainty:} section (only {@code ensemble} reads it).
     * The paths are not checked here; {@link org.threshold.ensemble.Ensemble#of} checks them.
     */
    public Scenario withUncertainty(Uncertainty newUncertainty) {
        return new Scenario(name, asOf, capacity, returnTicket, factions, strain, signals, costs, events, calibration, policy,
                newUncertainty);
    }

    /** A builder for a scenario with this name, assessed as of this day. */
    public static Builder builder(String name, LocalDate asOf) {
        return new Builder(name, asOf);
    }

    /** A builder that starts from this scenario. */
    public Builder toBuilder() {
        Builder b = new Builder(name, asOf);
        b.capacity = capacity;
        b.returnTicket = returnTicket;
        b.factions.addAll(factions);
        b.strain = strain;
        b.signals.addAll(signals);
        b.costs.putAll(costs);
        b.events.addAll(events);
        b.calibration = calibration;
        b.policy = policy;
        b.uncertainty = uncertainty;
        return b;
    }

    /** The events dated on or before {@link #asOf()}, in the order given. */
    public List<Event> eventsUpToAsOf() {
        List<Event> upTo = new ArrayList<>(events.size());
        for (Event e : events) {
            if (!e.day().isAfter(asOf)) {
                upTo.add(e);
            }
        }
        return upTo;
    }

    /**
     * The facts the rules reason over, calibration and clock aside: capacity, return ticket,
     * strain, factions, signals, costs, and the events up to {@link #asOf()}.
     */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>(8 + factions.size() + events.size());
        facts.add(capacity);
        facts.add(returnTicket);
        facts.add(strain);
        facts.addAll(factions);
        for (Signal s : signals) {
            facts.add(ObserverSignal.of(s));
        }
        facts.addAll(costs.values());
        facts.addAll(eventsUpToAsOf());
        return facts;
    }

    private static List<Event> distinctInstances(List<Event> events) {
        Map<Event, Boolean> seen = new IdentityHashMap<>();
        List<Event> out = new ArrayList<>(events.size());
        for (Event e : events) {
            Objects.requireNonNull(e, "event");
            out.add(seen.put(e, Boolean.TRUE) == null ? e : copyOf(e));
        }
        return out;
    }

    /** The same event as a new object, so that the engine counts a repeated instance twice. */
    private static Event copyOf(Event e) {
        Class<?> type = e.getClass();
        if (!type.isRecord()) {
            throw new IllegalArgumentException("the same event object appears twice in the scenario (" + e
                    + "); pass a distinct object for each occurrence");
        }
        try {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(e);
                types[i] = components[i].getType();
            }
            return (Event) type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalArgumentException("the same event object appears twice in the scenario (" + e
                    + ") and cannot be copied; pass a distinct object for each occurrence", ex);
        }
    }

    /** Builds a {@link Scenario}; every part but the name and the day may be left out. */
    public static final class Builder {
        private final String name;
        private final LocalDate asOf;
        private Capacity capacity;
        private ReturnTicket returnTicket;
        private final List<Faction> factions = new ArrayList<>();
        private Strain strain;
        private final Set<Signal> signals = EnumSet.noneOf(Signal.class);
        private final Map<Party, HumanCost> costs = new EnumMap<>(Party.class);
        private final List<Event> events = new ArrayList<>();
        private Calibration calibration = Calibration.defaults();
        private Policy policy = Policy.NONE;
        private Uncertainty uncertainty = Uncertainty.NONE;

        private Builder(String name, LocalDate asOf) {
            this.name = Objects.requireNonNull(name, "name");
            this.asOf = Objects.requireNonNull(asOf, "asOf");
        }

        public Builder capacity(double capacity) {
            this.capacity = new Capacity(capacity);
            return this;
        }

        public Builder returnTicket(double finance, double recognition, double eliteAspiration, double negotiability) {
            this.returnTicket = new ReturnTicket(finance, recognition, eliteAspiration, negotiability);
            return this;
        }

        public Builder returnTicket(ReturnTicket returnTicket) {
            this.returnTicket = Objects.requireNonNull(returnTicket, "returnTicket");
            return this;
        }

        public Builder faction(Faction faction) {
            factions.add(Objects.requireNonNull(faction, "faction"));
            return this;
        }

        public Builder strain(double budget, double legitimacy, double recruitment, double eliteCohesion) {
            this.strain = new Strain(budget, legitimacy, recruitment, eliteCohesion);
            return this;
        }

        public Builder strain(Strain strain) {
            this.strain = Objects.requireNonNull(strain, "strain");
            return this;
        }

        public Builder signal(Signal signal) {
            signals.add(Objects.requireNonNull(signal, "signal"));
            return this;
        }

        public Builder cost(Party party, double human) {
            costs.put(party, new HumanCost(party, human));
            return this;
        }

        public Builder event(Event event) {
            events.add(Objects.requireNonNull(event, "event"));
            return this;
        }

        public Builder events(List<? extends Event> more) {
            more.forEach(this::event);
            return this;
        }

        public Builder calibration(Calibration calibration) {
            this.calibration = Objects.requireNonNull(calibration, "calibration");
            return this;
        }

        /** Sets one calibration key; see {@link Calibration#with(String, double)}. */
        public Builder calibrate(String key, double value) {
            this.calibration = calibration.with(key, value);
            return this;
        }

        /** How the observer acts on its posture in a simulation; see {@link Policy}. */
        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How unsure the scenario's numbers are, for {@code ensemble}; see {@link Uncertainty}. */
        public Builder uncertainty(Uncertainty uncertainty) {
            this.uncertainty = Objects.requireNonNull(uncertainty, "uncertainty");
            return this;
        }

        public Scenario build() {
            return new Scenario(name, asOf, capacity, returnTicket, factions, strain, signals, costs, events, calibration,
                    policy, uncertainty);
        }
    }
}
