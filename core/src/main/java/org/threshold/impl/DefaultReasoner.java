package org.threshold.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.Assessment;
import org.threshold.Calibration;
import org.threshold.InvalidRulesException;
import org.threshold.Explanation;
import org.threshold.Finding;
import org.threshold.Reasoner;
import org.threshold.ReasoningSession;
import org.threshold.RuleFailureException;
import org.threshold.RulePack;
import org.threshold.Scenario;
import org.threshold.ThresholdException;
import org.threshold.fact.AsOf;
import org.threshold.fact.Conclusion;
import org.threshold.fact.Metric;
import org.threshold.fact.Posture;
import org.threshold.fact.PostureVerdict;
import org.threshold.fact.RiskLevel;
import org.threshold.fact.RiskVerdict;
import org.threshold.timeline.SimulationOptions;
import org.threshold.timeline.Timeline;

/**
 * The reasoner behind {@link org.threshold.Threshold#builder()}: one knowledge base, built once
 * and shared; one engine session per assessment, taken from a pool of reset sessions (a session
 * from the pool skips rebuilding its node memories, the larger part of a fresh session's cost).
 */
public final class DefaultReasoner implements Reasoner {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultReasoner.class);
    /**
     * Every rule firing, at DEBUG (rule name) or TRACE (rule name and matched facts). Off by
     * default; when off, no listener is attached and firing costs nothing more.
     */
    public static final String FIRINGS_LOGGER = "org.threshold.rules.firings";
    private static final Logger FIRINGS = LoggerFactory.getLogger(FIRINGS_LOGGER);
    private static final AgendaEventListener FIRING_LOG = new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            if (FIRINGS.isTraceEnabled()) {
                FIRINGS.trace("fired '{}' on {}", event.getMatch().getRule().getName(), event.getMatch().getObjects());
            } else {
                FIRINGS.debug("fired '{}'", event.getMatch().getRule().getName());
            }
        }
    };
    /** Explanations sort by rule name; several matches of one rule, by their words and facts. */
    private static final Comparator<Explanation> EXPLANATION_ORDER = (a, b) -> {
        int byRule = a.rule().compareTo(b.rule());
        if (byRule != 0 || a.equals(b)) {
            return byRule;
        }
        int byReason = a.reason().compareTo(b.reason());
        return byReason != 0 ? byReason : a.facts().toString().compareTo(b.facts().toString());
    };

    private final List<RulePack> packs;
    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final boolean precompiled;
    private final int maxFirings;
    private final Map<String, Integer> metricOrder = new HashMap<>();
    private final Map<String, Integer> conclusionOrder = new HashMap<>();
    private final List<String> ruleNames;
    private final Calibration declared;

    public DefaultReasoner(List<RulePack> packs, int maxFirings) {
        this.packs = List.copyOf(packs);
        this.maxFirings = maxFirings;
        this.declared = declaredCalibration(this.packs);
        long start = System.nanoTime();
        this.precompiled = KnowledgeBases.allPrecompiled(this.packs);
        this.kieBase = precompiled ? KnowledgeBases.fromExecutableModels(this.packs) : KnowledgeBases.fromDrl(this.packs);
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        for (RulePack pack : this.packs) {
            pack.metrics().forEach(m -> metricOrder.putIfAbsent(m, metricOrder.size()));
            pack.conclusions().forEach(c -> conclusionOrder.putIfAbsent(c, conclusionOrder.size()));
        }
        Set<String> names = new TreeSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                names.add(r.getName());
            }
        }
        this.ruleNames = List.copyOf(names);
        LOG.debug("reasoner ready: {} rules from {} pack(s), {} in {} ms", ruleNames.size(), this.packs.size(),
                precompiled ? "precompiled" : "compiled from DRL", (System.nanoTime() - start) / 1_000_000);
    }

    private static Calibration declaredCalibration(List<RulePack> packs) {
        Calibration c = Calibration.defaults();
        for (RulePack pack : packs) {
            try {
                c = c.declare(pack.calibration());
            } catch (IllegalArgumentException e) {
                throw new InvalidRulesException(List.of(new InvalidRulesException.Problem(
                        "rule pack '" + pack.name() + "'", 0, 0, e.getMessage())));
            }
        }
        return c;
    }

    @Override
    public List<RulePack> packs() {
        return packs;
    }

    @Override
    public Map<String, Double> calibrationKeys() {
        return declared.packKeys();
    }

    /**
     * The scenario's calibration with the keys the packs declare, at their defaults where the
     * scenario leaves them.
     *
     * @throws IllegalArgumentException where the scenario sets a key no pack of this reasoner declares
     */
    Calibration calibrationFor(Scenario scenario) {
        Calibration given = scenario.calibration();
        Map<String, Double> keys = declared.packKeys();
        for (String key : given.packKeys().keySet()) {
            if (!keys.containsKey(key)) {
                throw new IllegalArgumentException("scenario '" + scenario.name() + "' sets the calibration key '" + key
                        + "', which no rule pack of this reasoner declares. "
                        + org.threshold.Suggestions.hint(key, declared.asMap().keySet(), "keys"));
            }
        }
        return keys.isEmpty() ? given : given.declare(keys);
    }

    /** Logs every firing of this session while the firings logger is at DEBUG; returns whether it does. */
    static boolean logFirings(KieSession session) {
        if (!FIRINGS.isDebugEnabled()) {
            return false;
        }
        session.addEventListener(FIRING_LOG);
        return true;
    }

    @Override
    public List<String> ruleNames() {
        return ruleNames;
    }

    @Override
    public boolean precompiled() {
        return precompiled;
    }

    @Override
    public Assessment assess(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        Calibration calibration = calibrationFor(scenario);
        KieSession session = sessions.newKieSession();
        boolean logging = logFirings(session);
        try {
            insertScenario(session, scenario, calibration, null);
            fire(session, scenario);
            return read(session, scenario.name(), scenario.asOf());
        } finally {
            if (logging) {
                session.removeEventListener(FIRING_LOG);
            }
            session.dispose();
        }
    }

    @Override
    public Timeline simulate(Scenario scenario, SimulationOptions options) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        return new Simulation(this, scenario, options).run();
    }

    KieSession newSession() {
        KieSession session = kieBase.newKieSession();
        logFirings(session);
        return session;
    }

    void fireFor(KieSession session, Scenario scenario) {
        fire(session, scenario);
    }

    Assessment readAt(KieSession session, String name, LocalDate asOf) {
        return read(session, name, asOf);
    }

    @Override
    public ReasoningSession open(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        Calibration calibration = calibrationFor(scenario);
        KieSession session = newSession();
        List<Object> handles = new ArrayList<>();
        try {
            insertScenario(session, scenario, calibration, handles);
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
        return new LiveSession(session, scenario, handles);
    }

    private static void insertScenario(KieSession session, Scenario scenario, Calibration calibration, List<Object> handles) {
        session.insert(calibration);
        session.insert(new AsOf(scenario.asOf()));
        for (Object fact : scenario.facts()) {
            FactHandle h = session.insert(fact);
            if (handles != null) {
                handles.add(h);
            }
        }
    }

    private void fire(KieSession session, Scenario scenario) {
        int fired;
        try {
            fired = session.fireAllRules(maxFirings);
        } catch (ConsequenceException e) {
            throw consequenceFailure(e);
        } catch (ThresholdException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleFailureException("the rules failed on scenario '" + scenario.name() + "': " + rootMessage(e), e);
        }
        if (fired >= maxFirings) {
            throw runaway(scenario);
        }
        LOG.debug("scenario '{}' as of {}: {} rule firings", scenario.name(), scenario.asOf(), fired);
    }

    private static RuleFailureException consequenceFailure(ConsequenceException e) {
        String rule = e.getRule() == null ? "?" : e.getRule().getName();
        List<Object> facts = e.getMatch() == null ? List.of() : e.getMatch().getObjects();
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new RuleFailureException("rule '" + rule + "' failed in its action: " + cause
                + "; it had matched " + facts, e);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** Runs the scenario again, counting firings per rule, to name the rules that ran away. */
    private RuleFailureException runaway(Scenario scenario) {
        Map<String, Integer> counts = new HashMap<>();
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    counts.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
                }
            });
            insertScenario(session, scenario, calibrationFor(scenario), null);
            session.fireAllRules(maxFirings);
        } catch (RuntimeException ignored) {
            // the first run already failed; the counts so far are what matters
        } finally {
            session.dispose();
        }
        StringBuilder top = new StringBuilder();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .forEach(e -> top.append(top.length() == 0 ? "" : ", ").append('\'').append(e.getKey())
                        .append("' (").append(e.getValue()).append(')'));
        return new RuleFailureException("the rules did not settle on scenario '" + scenario.name() + "': they fired "
                + maxFirings + " times, the limit. The rules that fired most: " + top
                + ". Maybe a rule modifies or re-inserts a fact it matches; if the pack truly needs more firings, "
                + "raise the limit with maxFirings(...).");
    }

    private Assessment read(KieSession session, String name, LocalDate asOf) {
        Map<String, List<Double>> metricValues = new HashMap<>();
        Map<String, List<Justifications.Justified>> byType = new HashMap<>();
        Map<Posture, List<Explanation>> postures = new TreeMap<>();
        Map<RiskLevel, List<Explanation>> levels = new TreeMap<>();
        for (FactHandle handle : session.getFactHandles()) {
            Object o = session.getObject(handle);
            if (o instanceof Metric m) {
                metricValues.computeIfAbsent(m.name(), k -> new ArrayList<>(1)).add(m.value());
            } else if (o instanceof Conclusion c) {
                byType.computeIfAbsent(c.type(), k -> new ArrayList<>(1))
                        .addAll(Justifications.of(handle, x -> ((Conclusion) x).reason()));
            } else if (o instanceof PostureVerdict p) {
                for (Justifications.Justified j : Justifications.of(handle, x -> ((PostureVerdict) x).reason())) {
                    postures.computeIfAbsent(p.posture(), k -> new ArrayList<>()).add(j.explanation());
                }
            } else if (o instanceof RiskVerdict r) {
                for (Justifications.Justified j : Justifications.of(handle, x -> ((RiskVerdict) x).reason())) {
                    levels.computeIfAbsent(r.level(), k -> new ArrayList<>()).add(j.explanation());
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String metric : ordered(metricValues.keySet(), metricOrder)) {
            List<Double> values = metricValues.get(metric);
            if (new LinkedHashSet<>(values).size() > 1) {
                throw new RuleFailureException("the rules computed the metric '" + metric + "' more than once, with values "
                        + values + ", on scenario '" + name + "' as of " + asOf + ". Maybe two rules insert it.");
            }
            metrics.put(metric, values.get(0));
        }
        List<Finding> findings = new ArrayList<>();
        List<org.threshold.fact.Event> sourced = byType.isEmpty() ? List.of() : Provenance.sourcedEvents(session);
        for (String type : ordered(byType.keySet(), conclusionOrder)) {
            List<Justifications.Justified> justified = new ArrayList<>(byType.get(type));
            if (justified.isEmpty()) {
                continue;
            }
            justified.sort(Comparator.comparing(Justifications.Justified::explanation, EXPLANATION_ORDER));
            String basis = null;
            Double strength = null;
            List<Explanation> because = new ArrayList<>();
            for (Justifications.Justified j : justified) {
                Conclusion c = (Conclusion) j.inserted();
                basis = basis == null ? c.basis() : basis;
                strength = strength == null ? c.strength() : strength;
                because.add(j.explanation());
            }
            findings.add(new Finding(type, basis, strength, because, Provenance.sources(session, justified, sourced)));
        }
        Posture posture = single(postures, "posture", name);
        RiskLevel level = single(levels, "risk level", name);
        return new Assessment(name, asOf,
                posture, posture == null ? List.of() : sorted(postures.get(posture)),
                level, level == null ? List.of() : sorted(levels.get(level)),
                metrics, findings);
    }

    private static List<Explanation> sorted(List<Explanation> explanations) {
        List<Explanation> copy = new ArrayList<>(explanations);
        copy.sort(EXPLANATION_ORDER);
        return copy;
    }

    private static <K> K single(Map<K, List<Explanation>> verdicts, String what, String name) {
        if (verdicts.size() > 1) {
            throw new RuleFailureException("the rules concluded more than one " + what + " on scenario '"
                    + name + "': " + verdicts + ". Maybe a rule that adds a " + what + " lacks a guard.");
        }
        return verdicts.isEmpty() ? null : verdicts.keySet().iterator().next();
    }

    private static List<String> ordered(Set<String> names, Map<String, Integer> order) {
        List<String> list = new ArrayList<>(names);
        list.sort(Comparator.comparing((String n) -> order.getOrDefault(n, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
        return list;
    }

    /** A live session; see {@link ReasoningSession}. */
    private final class LiveSession implements ReasoningSession {
        private final KieSession session;
        private final Scenario scenario;
        private final List<Object> handles;

        LiveSession(KieSession session, Scenario scenario, List<Object> handles) {
            this.session = session;
            this.scenario = scenario;
            this.handles = List.copyOf(handles);
        }

        @Override
        public Object insert(Object fact) {
            return session.insert(Objects.requireNonNull(fact, "fact"));
        }

        @Override
        public void retract(Object handle) {
            if (!(handle instanceof FactHandle fh)) {
                throw new IllegalArgumentException("not a handle from this session (" + handle + ")");
            }
            session.delete(fh);
        }

        @Override
        public List<Object> scenarioHandles() {
            return handles;
        }

        @Override
        public Assessment assess() {
            fire(session, scenario);
            return read(session, scenario.name(), scenario.asOf());
        }

        @Override
        public void close() {
            session.dispose();
        }
    }
}
