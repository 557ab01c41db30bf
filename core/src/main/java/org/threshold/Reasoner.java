package org.threshold;

import java.util.List;

/**
 * Assesses scenarios against a fixed set of rule packs. Thread-safe and meant to be shared: the
 * knowledge base is built once, when the reasoner is built, and each assessment runs in a
 * session of its own.
 */
public interface Reasoner {

    /**
     * Assesses {@code scenario} as of its {@code asOf} day.
     *
     * @throws RuleFailureException where a rule's action or condition throws, the rules fire past
     *     the firing limit or run past the time limit, a rule's reason does not fit its format, a
     *     conclusion was inserted with plain {@code insert}, or a metric, posture or risk level the
     *     packs promise is missing; each names the rule where it can. No partial assessment is
     *     returned
     */
    Assessment assess(Scenario scenario);

    /** The packs this reasoner reasons with, in load order. */
    List<RulePack> packs();

    /**
     * The calibration keys this reasoner's packs declare, each with its default, valid values and
     * meaning, in load order (see {@link RulePack#calibration()}). A scenario may set them; read its
     * file with {@link org.threshold.scenario.ScenarioReader#read(java.nio.file.Path, java.util.Collection)
     * ScenarioReader.read(file, reasoner.calibrationKeys())} so that its {@code calibration:}
     * section accepts them.
     */
    default List<CalibrationKey> calibrationKeys() {
        return calibration().declaredKeys().values().stream().toList();
    }

    /**
     * The calibration every assessment starts from: the keys of the packs on the class path
     * ({@link Calibration#defaults()}) and of this reasoner's packs, at their defaults, with the
     * packs' checks. What validation, the parameter paths of {@code flip} and {@code map}, and
     * messages read a key's valid values and meaning from.
     */
    default Calibration calibration() {
        Calibration c = Calibration.defaults();
        for (RulePack pack : packs()) {
            c = c.declare(pack);
        }
        return c;
    }

    /** The names of every rule, sorted. */
    List<String> ruleNames();

    /**
     * Whether the rules were loaded from a precompiled executable model (fast start) rather than
     * compiled from DRL when the reasoner was built.
     */
    boolean precompiled();

    /**
     * Simulates the scenario day by day in one live engine session: each day moves the clock,
     * inserts that day's events, lets the scenario's {@link Policy} act on the posture, and reads
     * the state, which equals {@link #assess(Scenario)} of the scenario as of that day (with the
     * events the policy made so far).
     *
     * @throws IllegalArgumentException where the days make no sense for the scenario
     * @throws RuleFailureException as for {@link #assess(Scenario)}
     */
    org.threshold.timeline.Timeline simulate(Scenario scenario, org.threshold.timeline.SimulationOptions options);

    /**
     * As {@link #simulate(Scenario, org.threshold.timeline.SimulationOptions)}, reporting to
     * {@code progress} one unit a simulated day. This default ignores {@code progress}.
     */
    default org.threshold.timeline.Timeline simulate(Scenario scenario, org.threshold.timeline.SimulationOptions options,
            org.threshold.analysis.Progress progress) {
        return simulate(scenario, options);
    }

    /** Opens a live session on the scenario, for adding and withdrawing facts one at a time. */
    ReasoningSession open(Scenario scenario);
}
