package org.threshold.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.threshold.Calibration;
import org.threshold.CalibrationKey;
import org.threshold.Scenario;
import org.threshold.Suggestions;
import org.threshold.fact.Event;
import org.threshold.fact.Faction;
import org.threshold.fact.HumanCost;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.Retaliation;
import org.threshold.fact.ReturnTicket;
import org.threshold.fact.Strain;
import org.threshold.fact.Strike;
import org.threshold.fact.Threat;

/**
 * The numeric parameters of a scenario, by path: every score of the adversary, each faction's
 * influence ({@code factions.NAME.influence}), each party's human cost, each event's severity or
 * magnitude ({@code events[i].severity}), and every calibration key (by its key, or as
 * {@code calibration.KEY}).
 */
public final class ParameterPaths {

    private ParameterPaths() {
    }

    /** Every parameter of {@code scenario}, in a stable order. */
    public static Map<String, Parameter> of(Scenario s) {
        Map<String, Parameter> all = new LinkedHashMap<>();
        add(all, "adversary.capacity", "the adversary's capacity", s.capacity().value(),
                x -> with(s, b -> b.capacity(x)));
        ReturnTicket rt = s.returnTicket();
        add(all, "adversary.returnTicket.finance", "return ticket: finance", rt.finance(),
                x -> with(s, b -> b.returnTicket(x, rt.recognition(), rt.eliteAspiration(), rt.negotiability())));
        add(all, "adversary.returnTicket.recognition", "return ticket: recognition", rt.recognition(),
                x -> with(s, b -> b.returnTicket(rt.finance(), x, rt.eliteAspiration(), rt.negotiability())));
        add(all, "adversary.returnTicket.eliteAspiration", "return ticket: elite aspiration", rt.eliteAspiration(),
                x -> with(s, b -> b.returnTicket(rt.finance(), rt.recognition(), x, rt.negotiability())));
        add(all, "adversary.returnTicket.negotiability", "return ticket: negotiability", rt.negotiability(),
                x -> with(s, b -> b.returnTicket(rt.finance(), rt.recognition(), rt.eliteAspiration(), x)));
        Strain st = s.strain();
        add(all, "adversary.strain.budget", "strain: budget", st.budget(),
                x -> with(s, b -> b.strain(new Strain(x, st.legitimacy(), st.recruitment(), st.eliteCohesion()))));
        add(all, "adversary.strain.legitimacy", "strain: legitimacy", st.legitimacy(),
                x -> with(s, b -> b.strain(new Strain(st.budget(), x, st.recruitment(), st.eliteCohesion()))));
        add(all, "adversary.strain.recruitment", "strain: recruitment", st.recruitment(),
                x -> with(s, b -> b.strain(new Strain(st.budget(), st.legitimacy(), x, st.eliteCohesion()))));
        add(all, "adversary.strain.eliteCohesion", "strain: elite cohesion", st.eliteCohesion(),
                x -> with(s, b -> b.strain(new Strain(st.budget(), st.legitimacy(), st.recruitment(), x))));
        for (int i = 0; i < s.factions().size(); i++) {
            int index = i;
            Faction f = s.factions().get(i);
            add(all, "factions." + f.name() + ".influence", "influence of the faction " + f.name(), f.influence(), x -> {
                List<Faction> factions = new ArrayList<>(s.factions());
                factions.set(index, new Faction(f.name(), f.stance(), x));
                return new Scenario(s.name(), s.asOf(), s.capacity(), s.returnTicket(), factions, s.strain(), s.signals(),
                        s.costs(), s.events(), s.calibration(), s.policy());
            });
        }
        for (Party p : Party.values()) {
            String party = p.name().toLowerCase(java.util.Locale.ROOT);
            HumanCost c = s.costs().get(p);
            add(all, "costs." + party + ".human", "human cost borne by the " + party, c.human(),
                    x -> with(s, b -> b.cost(p, x)));
        }
        for (int i = 0; i < s.events().size(); i++) {
            int index = i;
            Event e = s.events().get(i);
            String field = e instanceof Pressure ? "magnitude" : "severity";
            Double v = e instanceof Strike k ? k.severity() : e instanceof Threat t ? t.severity()
                    : e instanceof Retaliation r ? r.severity() : e instanceof Pressure pr ? pr.magnitude() : null;
            if (v == null) {
                continue;
            }
            add(all, "events[" + i + "]." + field, field + " of event " + i + " (" + e + ")", v, x -> {
                List<Event> events = new ArrayList<>(s.events());
                events.set(index, withScore(e, x));
                return s.withEvents(events);
            });
        }
        for (CalibrationKey k : s.calibration().declaredKeys().values()) {
            String key = k.name();
            double value = s.calibration().get(key);
            double[] range = calibrationRange(k, value);
            Parameter p = new Parameter(key, k.meaning().isEmpty() ? "calibration key " + key : k.meaning(), value, range[0], range[1],
                    x -> new Scenario(s.name(), s.asOf(), s.capacity(), s.returnTicket(), s.factions(), s.strain(),
                            s.signals(), s.costs(), s.events(), s.calibration().with(key, x), s.policy()),
                    kind(k.valid()));
            all.put(key, p);
        }
        return all;
    }

    /**
     * The parameter at {@code path}; {@code calibration.KEY} is accepted for a calibration key,
     * and {@code adversary.factions.NAME.influence} for a faction.
     *
     * @throws InvalidParameterException for a path the scenario does not have, naming the
     *     nearest valid ones
     */
    public static Parameter resolve(Scenario s, String path) {
        Map<String, Parameter> all = of(s);
        String p = path.trim();
        if (p.startsWith("calibration.")) {
            p = p.substring("calibration.".length());
        }
        if (p.startsWith("adversary.factions.")) {
            p = p.substring("adversary.".length());
        }
        Parameter found = all.get(p);
        if (found != null) {
            return found;
        }
        List<String> near = Suggestions.nearest(path, all.keySet(), 5);
        throw new InvalidParameterException(path, near, List.copyOf(all.keySet()));
    }

    private static void add(Map<String, Parameter> all, String path, String meaning, double value,
            java.util.function.DoubleFunction<Scenario> setter) {
        all.put(path, new Parameter(path, meaning, value, 0.0, 1.0, setter, Parameter.Kind.SCORE));
    }

    private static Parameter.Kind kind(Calibration.Range range) {
        return switch (range) {
            case UNIT -> Parameter.Kind.SCORE;
            case NON_NEGATIVE -> Parameter.Kind.NON_NEGATIVE;
            case POSITIVE_DAYS -> Parameter.Kind.POSITIVE_DAYS;
            case COUNT -> Parameter.Kind.WHOLE;
            case FINITE -> Parameter.Kind.ANY;
        };
    }

    private static Scenario with(Scenario s, java.util.function.Consumer<Scenario.Builder> change) {
        Scenario.Builder b = s.toBuilder();
        change.accept(b);
        return b.build();
    }

    private static Event withScore(Event e, double x) {
        if (e instanceof Strike k) {
            return new Strike(k.day(), k.by(), k.target(), x, k.source());
        } else if (e instanceof Threat t) {
            return new Threat(t.day(), x, t.source());
        } else if (e instanceof Retaliation r) {
            return new Retaliation(r.day(), x, r.source());
        } else if (e instanceof Pressure p) {
            return new Pressure(p.day(), p.kind(), x, p.source());
        }
        throw new IllegalArgumentException("no score to set on " + e);
    }

    /**
     * The natural range of a calibration key, from its declared valid values: [0, 1] for scores,
     * else from 0 (or 1 day) to a few times its value; around its value for any number.
     */
    private static double[] calibrationRange(CalibrationKey key, double value) {
        return switch (key.valid()) {
            case UNIT -> new double[] {0.0, 1.0};
            case NON_NEGATIVE -> new double[] {0.0, Math.max(1.0, 4 * value)};
            // an unset half-life (none, infinite) is explored from a day to ten years
            case POSITIVE_DAYS -> new double[] {1.0, Double.isFinite(value) ? Math.max(60.0, 4 * value) : 3650.0};
            case COUNT -> new double[] {0.0, Math.max(4.0, 2 * value)};
            case FINITE -> new double[] {value - Math.max(1.0, 3 * Math.abs(value)), value + Math.max(1.0, 3 * Math.abs(value))};
        };
    }
}
