package org.threshold.scenario;

import static org.threshold.scenario.MessageText.shown;
import static org.threshold.scenario.ScenarioReader.MAX_EVENTS;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.threshold.Calibration;
import org.threshold.CalibrationKey;
import org.threshold.Policy;
import org.threshold.Scenario;
import org.threshold.fact.Event;
import org.threshold.fact.Faction;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Retaliation;
import org.threshold.fact.ReturnTicket;
import org.threshold.fact.Signal;
import org.threshold.fact.Source;
import org.threshold.fact.Stance;
import org.threshold.fact.Strain;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;

/**
 * Turns the tree of a scenario file into a {@link Scenario}, validating as it goes: unknown keys
 * (with the nearest valid key suggested), wrong types, scores outside [0, 1], non-positive windows,
 * impossible dates and calibration values outside their key's valid values are errors naming
 * the place. The file format is that of INTERFACES.md and {@code docs/contracts.md}.
 */
final class ScenarioBinder extends AbstractTreeReader {

    static final List<String> TOP_KEYS = List.of("name", "asOf", "adversary", "observer", "costs", "events", "calibration", "policy", "uncertainty");
    static final List<String> ADVERSARY_KEYS = List.of("capacity", "returnTicket", "factions", "strain");
    static final List<String> RETURN_TICKET_KEYS = List.of("finance", "recognition", "eliteAspiration", "negotiability");
    static final List<String> FACTION_KEYS = List.of("name", "stance", "influence");
    static final List<String> STRAIN_KEYS = List.of("budget", "legitimacy", "recruitment", "eliteCohesion");
    static final List<String> OBSERVER_KEYS = List.of("signals");
    static final List<String> COST_PARTIES = List.of("observer", "proxy");
    static final List<String> COST_KEYS = List.of("human");
    static final List<String> POLICY_KEYS = List.of("press", "hold", "contain");
    static final List<String> PRESS_KEYS = List.of("strikeEveryDays", "by", "target", "severity");
    static final List<String> HOLD_KEYS = List.of("pressureEveryDays", "kind", "magnitude");
    static final List<String> SOURCE_KEYS = List.of("dataset", "id", "url", "note");

    /** The event types of the file format and the keys each takes. */
    enum EventType {
        STRIKE("day", "type", "by", "target", "severity", "source"),
        THREAT("day", "type", "severity", "source"),
        RETALIATION("day", "type", "severity", "source"),
        PRESSURE("day", "type", "kind", "magnitude", "source"),
        THRESHOLD_CROSSING("day", "type", "source");

        final List<String> keys;

        EventType(String... keys) {
            this.keys = List.of(keys);
        }
    }

    private final Calibration base;

    /**
     * A binder naming {@code source} in messages, whose {@code calibration:} section changes
     * {@code base} (and so accepts the keys {@code base} declares).
     */
    private final String source;

    ScenarioBinder(String source, Calibration base) {
        super(source);
        this.source = source;
        this.base = base;
    }

    /** The keys a scenario file accepts at each place, outside the {@code calibration:} section. */
    static Map<String, List<String>> structureKeys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("", TOP_KEYS);
        keys.put("adversary", ADVERSARY_KEYS);
        keys.put("adversary.returnTicket", RETURN_TICKET_KEYS);
        keys.put("adversary.factions[]", FACTION_KEYS);
        keys.put("adversary.strain", STRAIN_KEYS);
        keys.put("observer", OBSERVER_KEYS);
        keys.put("costs", COST_PARTIES);
        keys.put("costs.*", COST_KEYS);
        Map<EventType, List<String>> byType = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            byType.put(t, t.keys);
        }
        byType.forEach((t, k) -> keys.put("events[] of type " + t, k));
        keys.put("events[].source", SOURCE_KEYS);
        return keys;
    }

    /** The scenario the tree {@code root} describes. */
    Scenario scenario(Node root) {
        Node.MapNode top = map(root, "", "the scenario: a mapping with at least 'name' and 'asOf'");
        checkKeys(top, "", TOP_KEYS, "top-level keys");
        String name = text(required(top, "", "name", "a scenario name"), "name");
        if (name.isBlank()) {
            Node n = top.entries().get("name");
            throw error(n.line(), n.column(), "name", "expected a non-blank scenario name");
        }
        LocalDate asOf = date(required(top, "", "asOf", "the ISO date of the assessment, like 2026-11-24"), "asOf");
        Scenario.Builder b = Scenario.builder(name, asOf);

        Node adversary = optionalSection(top, "adversary");
        if (adversary != null) {
            adversary(map(adversary, "adversary", "a mapping"), b);
        }
        Node observer = optionalSection(top, "observer");
        if (observer != null) {
            Node.MapNode o = map(observer, "observer", "a mapping");
            checkKeys(o, "observer", OBSERVER_KEYS, "keys of observer");
            Node signals = optionalSection(o, "signals");
            if (signals != null) {
                Node.ListNode list = list(signals, "observer.signals", "a list of signals");
                for (int i = 0; i < list.items().size(); i++) {
                    b.signal(enumValue(list.items().get(i), "observer.signals[" + i + "]", Signal.class));
                }
            }
        }
        Node costs = optionalSection(top, "costs");
        if (costs != null) {
            Node.MapNode c = map(costs, "costs", "a mapping of parties (observer, proxy) to costs");
            checkKeys(c, "costs", COST_PARTIES, "parties");
            for (String party : COST_PARTIES) {
                Node cost = optionalSection(c, party);
                if (cost != null) {
                    String path = "costs." + party;
                    Node.MapNode m = map(cost, path, "a mapping like {human: 0.9}");
                    checkKeys(m, path, COST_KEYS, "keys of a cost");
                    b.cost(Party.valueOf(party.toUpperCase(Locale.ROOT)), scoreOr0(m, path, "human"));
                }
            }
        }
        Node events = optionalSection(top, "events");
        if (events != null) {
            Node.ListNode list = list(events, "events", "a list of events");
            if (list.items().size() > MAX_EVENTS) {
                throw error(list.line(), list.column(), "events", "more than " + MAX_EVENTS + " events, the limit");
            }
            for (int i = 0; i < list.items().size(); i++) {
                b.event(event(list.items().get(i), "events[" + i + "]"));
            }
        }
        Node calibration = optionalSection(top, "calibration");
        if (calibration != null) {
            b.calibration(calibration(map(calibration, "calibration", "a mapping of calibration keys to numbers")));
        }
        Node policy = optionalSection(top, "policy");
        if (policy != null) {
            b.policy(policy(map(policy, "policy", "a mapping with press, hold and contain")));
        }
        Scenario built;
        try {
            built = b.build();
        } catch (IllegalArgumentException e) {
            throw error(top.line(), top.column(), null, e.getMessage());
        }
        Node uncertainty = optionalSection(top, "uncertainty");
        return uncertainty == null ? built : built.withUncertainty(new UncertaintySection(source).read(uncertainty, built));
    }

    private Policy policy(Node.MapNode m) {
        checkKeys(m, "policy", POLICY_KEYS, "parts of a policy");
        Policy.Press press = null;
        Node pressNode = optionalSection(m, "press");
        if (pressNode != null) {
            String path = "policy.press";
            Node.MapNode p = map(pressNode, path, "a mapping like {strikeEveryDays: 21, by: PROXY, target: DEEPEN, severity: 0.6}");
            checkKeys(p, path, PRESS_KEYS, "keys of policy.press");
            int every = days(required(p, path, "strikeEveryDays", "the days between two strikes while the posture is PRESS"),
                    path + ".strikeEveryDays");
            Party by = p.entries().containsKey("by") ? enumValue(p.entries().get("by"), path + ".by", Party.class) : Party.PROXY;
            Target target = null;
            Node t = p.entries().get("target");
            if (t != null && !(t instanceof Node.Scalar ts && ts.kind() == Node.Scalar.Kind.STRING
                    && ts.text().trim().equalsIgnoreCase("DEEPEN"))) {
                target = enumValue(t, path + ".target", Target.class);
            }
            required(p, path, "severity", "each strike's severity, a number in [0, 1]");
            press = new Policy.Press(every, by, target, score(p, path, "severity"));
        }
        Policy.Hold hold = null;
        Node holdNode = optionalSection(m, "hold");
        if (holdNode != null) {
            String path = "policy.hold";
            Node.MapNode h = map(holdNode, path, "a mapping like {pressureEveryDays: 30, kind: SANCTIONS, magnitude: 0.4}");
            checkKeys(h, path, HOLD_KEYS, "keys of policy.hold");
            int every = days(required(h, path, "pressureEveryDays", "the days between two pressure events while the posture is HOLD"),
                    path + ".pressureEveryDays");
            PressureKind kind = h.entries().containsKey("kind")
                    ? enumValue(h.entries().get("kind"), path + ".kind", PressureKind.class) : PressureKind.OTHER;
            required(h, path, "magnitude", "each pressure event's magnitude, a number in [0, 1]");
            hold = new Policy.Hold(every, kind, score(h, path, "magnitude"));
        }
        Node contain = m.entries().get("contain");
        if (contain != null && !(contain instanceof Node.Scalar cs && cs.kind() == Node.Scalar.Kind.NULL)
                && !(contain instanceof Node.MapNode cm && cm.entries().isEmpty())) {
            throw error(contain.line(), contain.column(), "policy.contain",
                    "while the posture is CONTAIN the observer does nothing; expected nothing or {}, got " + contain.describe());
        }
        return new Policy(press, hold);
    }

    private int days(Node node, String path) {
        double v = number(node, path, "a whole number of days > 0");
        if (v != Math.rint(v) || v < 1 || v > 36_500) {
            throw error(node.line(), node.column(), path, "expected a whole number of days from 1 to 36500, got "
                    + shown(((Node.Scalar) node).text()));
        }
        return (int) v;
    }

    private void adversary(Node.MapNode a, Scenario.Builder b) {
        checkKeys(a, "adversary", ADVERSARY_KEYS, "keys of adversary");
        if (a.entries().containsKey("capacity")) {
            b.capacity(score(a, "adversary", "capacity"));
        }
        Node rt = optionalSection(a, "returnTicket");
        if (rt != null) {
            Node.MapNode m = map(rt, "adversary.returnTicket", "a mapping of finance, recognition, eliteAspiration, negotiability");
            checkKeys(m, "adversary.returnTicket", RETURN_TICKET_KEYS, "parts of the return ticket");
            String path = "adversary.returnTicket";
            b.returnTicket(new ReturnTicket(scoreOr0(m, path, "finance"), scoreOr0(m, path, "recognition"),
                    scoreOr0(m, path, "eliteAspiration"), scoreOr0(m, path, "negotiability")));
        }
        Node factions = optionalSection(a, "factions");
        if (factions != null) {
            Node.ListNode list = list(factions, "adversary.factions", "a list of factions");
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < list.items().size(); i++) {
                String path = "adversary.factions[" + i + "]";
                Node.MapNode f = map(list.items().get(i), path, "a faction like {name: hardliners, stance: HARDLINE, influence: 0.35}");
                checkKeys(f, path, FACTION_KEYS, "keys of a faction");
                Node nameNode = required(f, path, "name", "the faction's name");
                String fname = text(nameNode, path + ".name");
                if (fname.isBlank()) {
                    throw error(nameNode.line(), nameNode.column(), path + ".name", "expected a non-blank faction name");
                }
                Integer before = seen.put(fname, i);
                if (before != null) {
                    throw error(nameNode.line(), nameNode.column(), path + ".name", "the faction name '" + shown(fname)
                            + "' is already used by adversary.factions[" + before + "]; each faction needs its own name");
                }
                Stance stance = enumValue(required(f, path, "stance", "HARDLINE or PRAGMATIC"), path + ".stance", Stance.class);
                b.faction(new Faction(fname, stance, scoreOr0(f, path, "influence")));
            }
        }
        Node strain = optionalSection(a, "strain");
        if (strain != null) {
            String path = "adversary.strain";
            Node.MapNode m = map(strain, path, "a mapping of budget, legitimacy, recruitment, eliteCohesion");
            checkKeys(m, path, STRAIN_KEYS, "parts of strain");
            b.strain(new Strain(scoreOr0(m, path, "budget"), scoreOr0(m, path, "legitimacy"),
                    scoreOr0(m, path, "recruitment"), scoreOr0(m, path, "eliteCohesion")));
        }
    }

    private Event event(Node node, String path) {
        Node.MapNode m = map(node, path, "an event like {day: 2026-11-23, type: STRIKE, by: PROXY, target: CAPITAL, severity: 0.6}");
        EventType type = enumValue(required(m, path, "type",
                "the event type: one of STRIKE, THREAT, RETALIATION, PRESSURE, THRESHOLD_CROSSING"), path + ".type", EventType.class);
        checkKeys(m, path, type.keys, "keys of a " + type + " event");
        LocalDate day = date(required(m, path, "day", "the ISO date of the event, like 2026-11-23"), path + ".day");
        Source source = source(optionalSection(m, "source"), path + ".source");
        return switch (type) {
            case STRIKE -> new Strike(day,
                    m.entries().containsKey("by") ? enumValue(m.entries().get("by"), path + ".by", Party.class) : Party.PROXY,
                    enumValue(required(m, path, "target", "FRONTLINE, INFRASTRUCTURE, DEEP or CAPITAL"), path + ".target", Target.class),
                    scoreOr0(m, path, "severity"), source);
            case THREAT -> new Threat(day, scoreOr0(m, path, "severity"), source);
            case RETALIATION -> new Retaliation(day, scoreOr0(m, path, "severity"), source);
            case PRESSURE -> new Pressure(day,
                    m.entries().containsKey("kind") ? enumValue(m.entries().get("kind"), path + ".kind", PressureKind.class) : PressureKind.OTHER,
                    scoreOr0(m, path, "magnitude"), source);
            case THRESHOLD_CROSSING -> new ThresholdCrossing(day, source);
        };
    }

    /** An event's provenance: any of dataset, id, url, note, as text; null where left out. */
    private Source source(Node node, String path) {
        if (node == null) {
            return null;
        }
        Node.MapNode m = map(node, path, "a mapping like {dataset: chronology, id: \"row 17\", url: \"https://...\"}");
        checkKeys(m, path, SOURCE_KEYS, "keys of a source");
        String[] parts = new String[SOURCE_KEYS.size()];
        for (int i = 0; i < parts.length; i++) {
            Node v = m.entries().get(SOURCE_KEYS.get(i));
            if (v instanceof Node.Scalar sc && sc.kind() != Node.Scalar.Kind.NULL && sc.kind() != Node.Scalar.Kind.BOOLEAN) {
                parts[i] = sc.text();
            } else if (v != null) {
                throw error(v.line(), v.column(), path + "." + SOURCE_KEYS.get(i), "expected a text value, got " + v.describe());
            }
        }
        try {
            return new Source(parts[0], parts[1], parts[2], parts[3]);
        } catch (IllegalArgumentException e) {
            throw error(m.line(), m.column(), path, "expected at least one of dataset, id, url, note with a non-blank value");
        }
    }

    private Calibration calibration(Node.MapNode m) {
        if (base.declaredKeys().isEmpty() && !m.keyPlaces().isEmpty()) {
            Map.Entry<String, int[]> first = m.keyPlaces().entrySet().iterator().next();
            throw error(first.getValue()[0], first.getValue()[1], "calibration." + shown(first.getKey()),
                    "unknown key '" + shown(first.getKey()) + "' in calibration: no rule pack is loaded, so no "
                    + "calibration key is known. Maybe put the default pack (threshold-rules) on the class path, "
                    + "or read the file with the reasoner's keys: ScenarioReader.read(file, reasoner.calibrationKeys()).");
        }
        checkKeys(m, "calibration", List.copyOf(base.asMap().keySet()), "calibration keys");
        Map<String, Double> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            CalibrationKey key = base.key(e.getKey());
            String path = "calibration." + key.name();
            Node v = e.getValue();
            String expected = key.valid().description();
            double number = number(v, path, expected);
            if (!key.accepts(number)) {
                throw error(v.line(), v.column(), path, "expected " + expected + ", got " + v.describe());
            }
            changes.put(key.name(), number);
        }
        try {
            // the packs' checks on several keys together (risk bounds, weights) judge the whole section
            return base.with(changes);
        } catch (IllegalArgumentException ex) {
            throw error(m.line(), m.column(), "calibration", ex.getMessage());
        }
    }
}
