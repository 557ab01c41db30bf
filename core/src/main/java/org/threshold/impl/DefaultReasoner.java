package org.threshold.impl;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.drools.core.common.InternalFactHandle;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.Assessment;
import org.threshold.Calibration;
import org.threshold.CalibrationKey;
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
 *
 * <p>Implementation notes on failures: every firing of the rules is watched by the shared
 * {@link Watchdog} for the time limit. What a failure needs to name its rule (where a rule is
 * written, which rule deleted or inserted what) is found only once something failed: by the
 * {@link RuleLocator}, built on the first failure, and by a {@link Replay} of the scenario with
 * listeners attached. An assessment that succeeds pays for none of it; the checks it does pay for
 * (a reason's format, once per format and kind of arguments; whether a conclusion was inserted
 * logically; whether the promised metrics and verdicts are there) ride on the one pass that reads
 * the assessment.
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

    /** The default time limit of one assessment (or one simulated day). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final List<RulePack> packs;
    private final KieBase kieBase;
    private final Map<String, String> internalNames = new HashMap<>();
    private final long timeoutNanos;
    private final long graceNanos;
    private final Watchdog.OnStuck onStuck;
    private volatile RuleLocator locator;
    /** How many metrics the packs promise; they are the first entries of {@link #metricOrder}. */
    private final int promisedMetrics;
    private final boolean promisesPosture;
    private final boolean promisesRiskLevel;
    private final KieSessionsPool sessions;
    private final boolean precompiled;
    private final int maxFirings;
    private final Map<String, Integer> metricOrder = new HashMap<>();
    private final Map<String, Integer> conclusionOrder = new HashMap<>();
    private final List<String> ruleNames;
    private final Calibration declared;
    private final List<CalibrationKey> packKeys;
    /** The types of fact the rules match that an event may be: where {@link Provenance} looks for sourced events. */
    private final List<Class<?>> eventTypes;

    public DefaultReasoner(List<RulePack> packs, int maxFirings) {
        this(packs, maxFirings, DEFAULT_TIMEOUT, null);
    }

    /**
     * @param timeout the time limit of one assessment (or one simulated day)
     * @param onStuck told, on the watchdog's thread, of a rule whose action does not return past
     *     the limit (the assessing thread stays blocked); null to log it only
     */
    public DefaultReasoner(List<RulePack> packs, int maxFirings, Duration timeout, Consumer<RuleFailureException> onStuck) {
        this.packs = List.copyOf(packs);
        this.maxFirings = maxFirings;
        this.timeoutNanos = timeout.toNanos();
        this.graceNanos = Math.max(Duration.ofMillis(100).toNanos(), Math.min(timeoutNanos, Duration.ofSeconds(1).toNanos()));
        this.onStuck = new Watchdog.OnStuck(this::stuckMessage, message -> {
            if (onStuck != null) {
                onStuck.accept(new RuleFailureException(message));
            } else {
                LOG.error("{}", message);
            }
        });
        this.declared = declaredCalibration(this.packs);
        List<CalibrationKey> keys = new ArrayList<>();
        for (RulePack pack : this.packs) {
            pack.calibration().forEach(k -> {
                if (keys.stream().noneMatch(x -> x.name().equals(k.name()))) {
                    keys.add(k);
                }
            });
        }
        this.packKeys = List.copyOf(keys);
        long start = System.nanoTime();
        this.precompiled = KnowledgeBases.allPrecompiled(this.packs);
        this.kieBase = precompiled ? KnowledgeBases.fromExecutableModels(this.packs)
                : KnowledgeBases.fromDrl(this.packs, internalNames);
        this.eventTypes = Provenance.eventTypes(kieBase);
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        for (RulePack pack : this.packs) {
            pack.metrics().forEach(m -> metricOrder.putIfAbsent(m, metricOrder.size()));
        }
        this.promisedMetrics = metricOrder.size();
        this.promisesPosture = this.packs.stream().anyMatch(RulePack::concludesPosture);
        this.promisesRiskLevel = this.packs.stream().anyMatch(RulePack::concludesRiskLevel);
        for (RulePack pack : this.packs) {
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
                c = c.declare(pack);
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
    public List<CalibrationKey> calibrationKeys() {
        return packKeys;
    }

    @Override
    public Calibration calibration() {
        return declared;
    }

    /**
     * The scenario's calibration with the keys and checks the packs declare, at their defaults
     * where the scenario leaves them.
     *
     * @throws IllegalArgumentException where the scenario sets a key no pack of this reasoner
     *     declares, or its values fail a pack's check
     */
    Calibration calibrationFor(Scenario scenario) {
        Calibration given = scenario.calibration();
        if (given.declaredKeys() == declared.declaredKeys() && given.checks() == declared.checks()) {
            return given;
        }
        for (String key : given.declaredKeys().keySet()) {
            if (!declared.declares(key)) {
                throw new IllegalArgumentException("scenario '" + scenario.name() + "' sets the calibration key '" + key
                        + "', which no rule pack of this reasoner declares. "
                        + org.threshold.Suggestions.hint(key, declared.asMap().keySet(), "keys"));
            }
        }
        Calibration c = given.declare(declared.declaredKeys().values(), declared.checks());
        return c == given ? given : c.with(Map.of());
    }

    /** The calibration and the facts each pack makes from it, to insert before the scenario's facts. */
    List<Object> calibrationFacts(Calibration calibration) {
        List<Object> facts = new ArrayList<>(1 + packs.size());
        facts.add(calibration);
        for (RulePack pack : packs) {
            facts.addAll(pack.calibrationFacts(calibration));
        }
        return facts;
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
            return read(session, scenario.name(), scenario.asOf(), () -> scenario, true);
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
        return new Simulation(this, scenario, options).run(org.threshold.analysis.Progress.NONE);
    }

    @Override
    public Timeline simulate(Scenario scenario, SimulationOptions options, org.threshold.analysis.Progress progress) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        return new Simulation(this, scenario, options).run(progress);
    }

    KieSession newSession() {
        KieSession session = kieBase.newKieSession();
        logFirings(session);
        return session;
    }

    void fireFor(KieSession session, Scenario scenario) {
        fire(session, scenario);
    }

    /**
     * The assessment a simulation's session holds on a day.
     *
     * @param replay the scenario as of that day with the events inserted so far, to run again
     *     where a failure must name a rule
     */
    Assessment readAt(KieSession session, String name, LocalDate asOf, java.util.function.Supplier<Scenario> replay,
            Justifications.Memo memo) {
        return read(session, name, asOf, replay, true, memo);
    }

    @Override
    public ReasoningSession open(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        Calibration calibration = calibrationFor(scenario);
        KieSession session = newSession();
        try {
            List<FactHandle> calibrationHandles = insertCalibration(session, calibration);
            FactHandle clock = session.insert(new AsOf(scenario.asOf()));
            List<Object> facts = scenario.facts();
            List<FactHandle> handles = new ArrayList<>(facts.size());
            for (Object fact : facts) {
                handles.add(session.insert(fact));
            }
            return new LiveSession(session, scenario, calibration, calibrationHandles, clock, facts, handles);
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    /**
     * Moves a session's clock to {@code day} and returns its handle. The clock is updated in place
     * ({@link AsOf} is class-reactive, so every pattern on it hears the change, as it would a new
     * clock): a rule whose count of closed windows stays the same keeps what it derived. Where a
     * rule has deleted the clock, the day's clock is a new fact.
     */
    static FactHandle moveClock(KieSession session, FactHandle clock, LocalDate day) {
        if (clock instanceof InternalFactHandle h && !h.isValid()) {
            return session.insert(new AsOf(day));
        }
        session.update(clock, new AsOf(day));
        return clock;
    }

    /** Inserts the calibration and the facts the packs make from it; their handles. */
    private List<FactHandle> insertCalibration(KieSession session, Calibration calibration) {
        List<Object> facts = calibrationFacts(calibration);
        List<FactHandle> inserted = new ArrayList<>(facts.size());
        for (Object fact : facts) {
            inserted.add(session.insert(fact));
        }
        return inserted;
    }

    private void insertScenario(KieSession session, Scenario scenario, Calibration calibration, List<Object> handles) {
        for (Object fact : calibrationFacts(calibration)) {
            session.insert(fact);
        }
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
        Watchdog.Watch watch = Watchdog.enter(session, timeoutNanos, graceNanos, onStuck, scenario);
        try {
            fired = session.fireAllRules(maxFirings);
        } catch (RuntimeException e) {
            StackTraceElement[] expired = watch.exit();
            if (expired != null) {
                throw timeout(scenario, expired, e);
            }
            if (e instanceof ConsequenceException ce) {
                throw consequenceFailure(ce);
            }
            if (e instanceof ThresholdException te) {
                throw te;
            }
            throw matchingFailure(scenario, e);
        }
        StackTraceElement[] expired = watch.exit();
        if (expired != null) {
            throw timeout(scenario, expired, null);
        }
        if (fired >= maxFirings) {
            throw runaway(scenario);
        }
        LOG.debug("scenario '{}' as of {}: {} rule firings", scenario.name(), scenario.asOf(), fired);
    }

    private RuleLocator locator() {
        RuleLocator l = locator;
        if (l == null) {
            l = new RuleLocator(packs, kieBase, internalNames);
            locator = l;
        }
        return l;
    }

    private static String duration(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private RuleFailureException timeout(Scenario scenario, StackTraceElement[] stack, Throwable cause) {
        String rule = locator().ruleInStack(stack);
        return new RuleFailureException("the rules ran past the time limit of " + duration(timeoutNanos) + " on scenario '"
                + scenario.name() + "' and were stopped" + (rule == null ? "" : " while " + locator().describe(rule)
                + " was running") + ". Maybe a rule's action loops or waits; if the rules truly need longer, raise the "
                + "limit (--timeout on the command line, timeout(...) in Java).", cause);
    }

    /** The message for a rule stuck past the limit, from the stack of its thread. */
    private String stuckMessage(StackTraceElement[] stack, Object scenario) {
        String rule = locator().ruleInStack(stack);
        return (rule == null ? "a rule" : locator().describe(rule)) + " is still running on scenario '"
                + ((Scenario) scenario).name() + "' past the time limit of " + duration(timeoutNanos) + " and cannot be "
                + "stopped: it does not return, and Java code stuck in a rule can only be abandoned. Maybe its action or "
                + "a condition loops forever or waits for something that never comes.";
    }

    private RuleFailureException consequenceFailure(ConsequenceException e) {
        String rule = e.getRule() == null ? "?" : e.getRule().getName();
        List<Object> facts = e.getMatch() == null ? List.of() : Justifications.userFacts(e.getMatch().getObjects());
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof Justifications.BadReason || cause instanceof java.util.IllegalFormatException) {
            Throwable format = cause instanceof Justifications.BadReason b ? b.getCause() : cause;
            return new RuleFailureException(locator().describe(rule) + " failed in its action: it formatted a text whose "
                    + "format does not fit its arguments: " + format.getClass().getSimpleName() + " (" + format.getMessage()
                    + "). Maybe use %s, which fits any argument.", e);
        }
        return new RuleFailureException("rule '" + rule + "' failed in its action: " + cause
                + "; it had matched " + facts, e);
    }

    /** A failure while the engine matched facts against conditions: a condition threw. */
    private RuleFailureException matchingFailure(Scenario scenario, RuntimeException e) {
        String rule = locator().ruleOfFailure(e);
        String condition = RuleLocator.condition(e);
        String where = rule == null ? "the rules failed while matching" : locator().describe(rule)
                + " failed while matching its conditions";
        return new RuleFailureException(where + (condition == null ? "" : " ('" + locator().shown(condition) + "')")
                + " on scenario '" + scenario.name() + "': " + locator().shown(rootMessage(e))
                + ". Maybe a condition compares a field with a value of another type, or calls code that throws.", e);
    }

    /** A rule's reason whose format does not fit its arguments. */
    private RuleFailureException badReason(Justifications.BadReason b) {
        Throwable e = b.getCause();
        return new RuleFailureException(locator().describe(b.rule) + " gave a reason whose format does not fit its "
                + "arguments: Reason.of( \"" + b.reason.format() + "\", " + java.util.Arrays.toString(b.reason.args())
                + " ): " + e.getClass().getSimpleName() + " (" + e.getMessage() + "). Maybe use %s, which fits any argument.", e);
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
            Watchdog.Watch watch = Watchdog.enter(session, timeoutNanos, graceNanos, onStuck, scenario);
            try {
                session.fireAllRules(maxFirings);
            } finally {
                watch.exit();
            }
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

    /**
     * The assessment held by the session.
     *
     * @param replay the scenario the session holds, to run again where a rule must be named; null
     *     where the session's history cannot be replayed
     * @param whole whether to fail where a metric, posture or risk level the packs promise is missing
     */
    private Assessment read(KieSession session, String name, LocalDate asOf, java.util.function.Supplier<Scenario> replay,
            boolean whole) {
        return read(session, name, asOf, replay, whole, null);
    }

    /** @param memo the explanations of the session's last reading, to take over where unchanged; null for none */
    private Assessment read(KieSession session, String name, LocalDate asOf, java.util.function.Supplier<Scenario> replay,
            boolean whole, Justifications.Memo memo) {
        if (memo != null) {
            memo.begin();
        }
        try {
            Assessment a = readChecked(session, name, asOf, replay, whole, memo);
            if (memo != null) {
                memo.end();
            }
            return a;
        } catch (Justifications.BadReason b) {
            throw badReason(b);
        }
    }

    private Assessment readChecked(KieSession session, String name, LocalDate asOf,
            java.util.function.Supplier<Scenario> replay, boolean whole, Justifications.Memo memo) {
        Map<String, List<Double>> metricValues = new HashMap<>();
        Map<String, List<Justifications.Justified>> byType = new HashMap<>();
        Map<Posture, List<Explanation>> postures = new TreeMap<>();
        Map<RiskLevel, List<Explanation>> levels = new TreeMap<>();
        List<Object> stated = null;
        int promised = 0;
        for (FactHandle handle : derivedFacts(session)) {
            Object o = ((InternalFactHandle) handle).getObject();
            if (o instanceof Metric m) {
                if (Justifications.isStated(handle)) {
                    stated = add(stated, o);
                }
                List<Double> values = metricValues.get(m.name());
                if (values == null) {
                    values = new ArrayList<>(1);
                    metricValues.put(m.name(), values);
                    Integer order = metricOrder.get(m.name());
                    if (order != null && order < promisedMetrics) {
                        promised++;
                    }
                }
                values.add(m.value());
            } else if (o instanceof Conclusion c) {
                List<Justifications.Justified> justified = Justifications.of(handle, x -> ((Conclusion) x).reason(), memo);
                if (justified.isEmpty()) {
                    stated = add(stated, o);
                }
                byType.computeIfAbsent(c.type(), k -> new ArrayList<>(1)).addAll(justified);
            } else if (o instanceof PostureVerdict p) {
                List<Justifications.Justified> justified = Justifications.of(handle, x -> ((PostureVerdict) x).reason(), memo);
                if (justified.isEmpty()) {
                    stated = add(stated, o);
                }
                for (Justifications.Justified j : justified) {
                    postures.computeIfAbsent(p.posture(), k -> new ArrayList<>()).add(j.explanation());
                }
            } else if (o instanceof RiskVerdict r) {
                List<Justifications.Justified> justified = Justifications.of(handle, x -> ((RiskVerdict) x).reason(), memo);
                if (justified.isEmpty()) {
                    stated = add(stated, o);
                }
                for (Justifications.Justified j : justified) {
                    levels.computeIfAbsent(r.level(), k -> new ArrayList<>()).add(j.explanation());
                }
            }
        }
        if (stated != null) {
            throw stated(name, stated, replay == null ? null : replay.get());
        }
        if (whole && (promised < promisedMetrics || (promisesPosture && postures.isEmpty())
                || (promisesRiskLevel && levels.isEmpty()))) {
            throw notWhole(name, asOf, metricValues.keySet(), postures.isEmpty(), levels.isEmpty(),
                    replay == null ? null : replay.get());
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String metric : ordered(metricValues.keySet(), metricOrder)) {
            List<Double> values = metricValues.get(metric);
            if (values.size() > 1 && new LinkedHashSet<>(values).size() > 1) {
                throw new RuleFailureException("the rules computed the metric '" + metric + "' more than once, with values "
                        + values + ", on scenario '" + name + "' as of " + asOf + ". Maybe two rules insert it.");
            }
            metrics.put(metric, values.get(0));
        }
        List<Finding> findings = new ArrayList<>();
        Provenance.Tracer provenance = !byType.isEmpty() && Provenance.anySourced(session, eventTypes)
                ? new Provenance.Tracer(session) : null;
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
            findings.add(new Finding(type, basis, strength, because, provenance == null ? List.of() : provenance.sources(justified)));
        }
        Posture posture = single(postures, "posture", name);
        RiskLevel level = single(levels, "risk level", name);
        return new Assessment(name, asOf,
                posture, posture == null ? List.of() : sorted(postures.get(posture)),
                level, level == null ? List.of() : sorted(levels.get(level)),
                metrics, findings);
    }

    /** The classes {@link #read} reads: what the rules derive, never the scenario's own facts. */
    private static final List<Class<?>> DERIVED = List.of(Metric.class, Conclusion.class, PostureVerdict.class,
            RiskVerdict.class);

    /**
     * The handles of the derived facts. The engine keeps its facts by class, so these are found
     * without walking past every event (a simulation's session holds up to thousands, and reads
     * its state every day).
     */
    private static List<FactHandle> derivedFacts(KieSession session) {
        if (!(session instanceof StatefulKnowledgeSessionImpl engine)) {
            return new ArrayList<>(session.getFactHandles());
        }
        List<FactHandle> handles = new ArrayList<>();
        for (Class<?> type : DERIVED) {
            for (Iterator<InternalFactHandle> it = engine.getObjectStore().iterateFactHandles(type); it.hasNext(); ) {
                handles.add(it.next());
            }
        }
        return handles;
    }

    private static List<Object> add(List<Object> list, Object o) {
        List<Object> l = list == null ? new ArrayList<>() : list;
        l.add(o);
        return l;
    }

    /** Conclusions, verdicts or metrics a rule inserted with plain {@code insert}: refused, naming the rule where a replay tells. */
    private RuleFailureException stated(String name, List<Object> stated, Scenario scenario) {
        Replay replay = scenario == null ? null : replay(scenario);
        StringBuilder sb = new StringBuilder();
        for (Object o : stated) {
            List<String> by = replay == null ? List.of() : replay.insertedBy(o);
            sb.append(sb.length() == 0 ? "" : "; ")
                    .append(by.isEmpty() ? "a rule" : String.join(" and ", by.stream().map(r -> locator().describe(r)).toList()))
                    .append(" inserted ").append(describeFact(o)).append(" with insert(...)");
        }
        return new RuleFailureException(sb + ", on scenario '" + name + "'. A conclusion, verdict or metric inserted so is "
                + "neither explained nor withdrawn when its premises go, so it is refused rather than dropped. Maybe use "
                + "insertLogical(...).");
    }

    private static String describeFact(Object o) {
        if (o instanceof Conclusion c) {
            return "the conclusion " + c.type() + (c.reason() == null ? "" : " ('" + safeText(c.reason()) + "')");
        }
        if (o instanceof PostureVerdict p) {
            return "the posture " + p.posture();
        }
        if (o instanceof RiskVerdict r) {
            return "the risk level " + r.level();
        }
        if (o instanceof Metric m) {
            return "the metric " + m.name() + " = " + m.value();
        }
        return String.valueOf(o);
    }

    private static String safeText(org.threshold.fact.Reason reason) {
        try {
            return reason.text();
        } catch (java.util.IllegalFormatException e) {
            return reason.format();
        }
    }

    /** An assessment that lacks a metric, posture or risk level the packs promise. */
    private RuleFailureException notWhole(String name, LocalDate asOf, Set<String> metricsPresent, boolean noPosture,
            boolean noLevel, Scenario scenario) {
        List<String> missing = new ArrayList<>();
        List<String> metricNames = new ArrayList<>();
        metricOrder.forEach((m, i) -> {
            if (i < promisedMetrics && !metricsPresent.contains(m)) {
                metricNames.add(m);
            }
        });
        metricNames.sort(Comparator.comparing(metricOrder::get));
        if (!metricNames.isEmpty()) {
            missing.add((metricNames.size() == 1 ? "the metric " : "the metrics ") + String.join(", ", metricNames));
        }
        if (promisesPosture && noPosture) {
            missing.add("the posture");
        }
        if (promisesRiskLevel && noLevel) {
            missing.add("the risk level");
        }
        StringBuilder sb = new StringBuilder("the assessment of scenario '" + name + "' as of " + asOf
                + " is not whole: " + String.join(", ", missing) + (missing.size() == 1 && metricNames.size() < 2 ? " is" : " are")
                + " missing, though the rule packs loaded promise them.");
        List<String> removals = scenario == null ? List.of() : replay(scenario).deletions;
        if (!removals.isEmpty()) {
            sb.append(' ').append(String.join("; ", removals.subList(0, Math.min(3, removals.size()))))
                    .append(removals.size() > 3 ? "; and " + (removals.size() - 3) + " more" : "").append('.');
        }
        return new RuleFailureException(sb + " Maybe a rule deletes or replaces a fact the packs rely on (the Calibration, "
                + "the AsOf clock, a scenario fact, a metric).");
    }

    /** What the rules inserted and deleted when the scenario is run again with a listener: the failure path only. */
    private final class Replay {
        private final List<Object[]> inserted = new ArrayList<>();
        private final List<String> deletions = new ArrayList<>();

        List<String> insertedBy(Object o) {
            Set<String> rules = new LinkedHashSet<>();
            for (Object[] i : inserted) {
                if (o.equals(i[1])) {
                    rules.add((String) i[0]);
                }
            }
            return List.copyOf(rules);
        }
    }

    private Replay replay(Scenario scenario) {
        Replay replay = new Replay();
        KieSession session = kieBase.newKieSession();
        // the match firing now: the engine does not name the rule when an action deletes a derived fact
        org.kie.api.runtime.rule.Match[] firing = new org.kie.api.runtime.rule.Match[1];
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
                    firing[0] = event.getMatch();
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firing[0] = null;
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        replay.inserted.add(new Object[] {event.getRule().getName(), event.getObject()});
                    }
                }

                @Override
                public void objectDeleted(ObjectDeletedEvent event) {
                    String rule = event.getRule() != null ? event.getRule().getName() : null;
                    if (rule == null && firing[0] != null
                            && firing[0].getObjects().stream().anyMatch(o -> o == event.getOldObject())) {
                        rule = firing[0].getRule().getName();
                    }
                    if (rule != null && replay.deletions.size() < 100) {
                        replay.deletions.add(locator().describe(rule) + " deleted " + describeFact(event.getOldObject()));
                    }
                }
            });
            insertScenario(session, scenario, calibrationFor(scenario), null);
            Watchdog.Watch watch = Watchdog.enter(session, timeoutNanos, graceNanos, onStuck, scenario);
            try {
                session.fireAllRules(maxFirings);
            } finally {
                watch.exit();
            }
        } catch (RuntimeException ignored) {
            // the first run got further; what the replay saw so far is what matters
        } finally {
            session.dispose();
        }
        return replay;
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
        if (list.size() > 1) {
            list.sort((a, b) -> {
                int byOrder = Integer.compare(order.getOrDefault(a, Integer.MAX_VALUE), order.getOrDefault(b, Integer.MAX_VALUE));
                return byOrder != 0 ? byOrder : a.compareTo(b);
            });
        }
        return list;
    }

    /**
     * A live session; see {@link ReasoningSession}.
     *
     * <p>Implementation notes: {@link #reassess(Scenario)} compares the facts of the next scenario
     * with those in the session position by position ({@link Scenario#facts()} lists them in a
     * fixed order: capacity, return ticket, strain, factions, signals, costs, events), so a
     * changed value is one changed fact, and events added at the end or taken from it are single
     * inserts and deletes. A changed fact (the calibration too) is deleted and its new value
     * inserted, not updated in place: the rules are property-reactive, and a pattern such as
     * {@code $c : Calibration()} with no constraint of its own listens to no property, so an
     * update would leave matches on the old value standing. The clock is the exception: {@link
     * AsOf} is class-reactive (every pattern on it hears every change), so it is updated in place,
     * and a rule whose count of closed windows stays the same does not withdraw what it derived. The rules of the essay pack are
     * order-free (sums are sorted before adding), so the result does not depend on the order in
     * which facts arrived.
     */
    private final class LiveSession implements ReasoningSession {
        private final KieSession session;
        private Scenario scenario;
        private Calibration calibration;
        private List<FactHandle> calibrationHandles;
        private FactHandle clock;
        private final List<Object> facts;
        private final List<FactHandle> handles;
        private final Justifications.Memo memo = new Justifications.Memo();

        LiveSession(KieSession session, Scenario scenario, Calibration calibration, List<FactHandle> calibrationHandles,
                FactHandle clock, List<Object> facts, List<FactHandle> handles) {
            this.session = session;
            this.scenario = scenario;
            this.calibration = calibration;
            this.calibrationHandles = calibrationHandles;
            this.clock = clock;
            this.facts = new ArrayList<>(facts);
            this.handles = handles;
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
            return List.copyOf(handles);
        }

        @Override
        public Assessment assess() {
            fire(session, scenario);
            // the caller may have withdrawn scenario facts on purpose: what is left is assessed as it is
            return read(session, scenario.name(), scenario.asOf(), null, false, memo);
        }

        @Override
        public Assessment reassess(Scenario next) {
            Objects.requireNonNull(next, "next");
            Calibration nextCalibration = calibrationFor(next);
            if (!nextCalibration.equals(calibration)) {
                // the calibration and the packs' views of it (such as a typed one) change together
                calibrationHandles.forEach(session::delete);
                calibrationHandles = insertCalibration(session, nextCalibration);
                calibration = nextCalibration;
            }
            if (!next.asOf().equals(scenario.asOf())) {
                clock = moveClock(session, clock, next.asOf());
            }
            List<Object> nextFacts = next.facts();
            int common = Math.min(facts.size(), nextFacts.size());
            // every delete before any insert: the next scenario may hold the very object that sits
            // at another position now (an event moves up when an earlier one falls after asOf), and
            // inserting an object the session still holds would only return its old handle
            Set<Object> held = null;
            Set<Object> coming = null;
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < common; i++) {
                Object was = facts.get(i);
                Object now = nextFacts.get(i);
                // an equal object stays where it is, unless one of the two instances is also at
                // another position of the other list (two equal events, one of them moving)
                boolean same = was == now;
                if (!same && was.equals(now)) {
                    if (held == null) {
                        held = identitySet(facts);
                        coming = identitySet(nextFacts);
                    }
                    same = !held.contains(now) && !coming.contains(was);
                }
                if (!same) {
                    session.delete(handles.get(i));
                    changed.add(i);
                }
            }
            for (int i = facts.size() - 1; i >= nextFacts.size(); i--) {
                session.delete(handles.remove(i));
                facts.remove(i);
            }
            for (int i : changed) {
                Object now = nextFacts.get(i);
                handles.set(i, session.insert(now));
                facts.set(i, now);
            }
            for (int i = facts.size(); i < nextFacts.size(); i++) {
                Object now = nextFacts.get(i);
                handles.add(session.insert(now));
                facts.add(now);
            }
            scenario = next;
            fire(session, next);
            // the session holds exactly next's facts now: read it as a fresh assessment of next is read
            return read(session, next.name(), next.asOf(), () -> next, true, memo);
        }

        @Override
        public void close() {
            session.dispose();
        }

        private static Set<Object> identitySet(List<Object> objects) {
            Set<Object> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(objects.size() * 2));
            set.addAll(objects);
            return set;
        }
    }
}
