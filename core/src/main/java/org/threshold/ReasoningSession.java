package org.threshold;

/**
 * A live assessment: the scenario's facts in one engine session, to which facts can be added and
 * from which they can be withdrawn, with the conclusions kept up to date by truth maintenance.
 * Not thread-safe; close it when done.
 *
 * <p>Analyses that assess many scenarios differing from one another in a fact or two (signposts,
 * flip points, phase maps, ensembles) move one live session from scenario to scenario with
 * {@link #reassess(Scenario)} instead of assessing each from scratch: only the facts that differ
 * are changed, and the engine re-evaluates only what depends on them.
 *
 * <pre>{@code
 * try (ReasoningSession live = reasoner.open(base)) {
 *     for (double x : values) {
 *         Assessment a = live.reassess(parameter.at(x));   // equals reasoner.assess(parameter.at(x))
 *     }
 * }
 * }</pre>
 */
public interface ReasoningSession extends AutoCloseable {

    /** Adds a fact (an event, a faction, a fact type of a user pack, ...) and returns its handle. */
    Object insert(Object fact);

    /** Withdraws a fact added by {@link #insert(Object)} or by the scenario. */
    void retract(Object handle);

    /** The handles of the scenario's own facts, in the order of {@link Scenario#facts()}. */
    java.util.List<Object> scenarioHandles();

    /** Fires the rules to quiescence and reads the assessment as it stands. */
    Assessment assess();

    /**
     * Moves this session to the scenario {@code next} and assesses it: the facts of
     * {@link Scenario#facts()} that differ from those of the scenario the session holds now are
     * updated, inserted or withdrawn one by one, as are the calibration and the day where they
     * differ; then the rules fire and the assessment is read. The result equals
     * {@code reasoner.assess(next)} exactly (the same metrics, conclusions, posture, risk level
     * and explanations), whatever scenarios the session held before, and costs in proportion to
     * what changed: one changed fact, one changed calibration key, a few events more or fewer.
     *
     * <p>Facts added with {@link #insert(Object)} stay in the session. After this call,
     * {@link #scenarioHandles()} gives the handles of {@code next}'s facts.
     *
     * @throws IllegalArgumentException where {@code next} sets a calibration key that no rule pack
     *     of the reasoner declares
     * @throws RuleFailureException as for {@link Reasoner#assess(Scenario)}
     */
    Assessment reassess(Scenario next);

    /** Releases the engine session. */
    @Override
    void close();
}
