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
     * @throws RuleFailureException where a rule's action throws or the rules fire past the limit;
     *     no partial assessment is returned
     */
    Assessment assess(Scenario scenario);

    /** The packs this reasoner reasons with, in load order. */
    List<RulePack> packs();

    /** The names of every rule, sorted. */
    List<String> ruleNames();

    /**
     * Whether the rules were loaded from a precompiled executable model (fast start) rather than
     * compiled from DRL when the reasoner was built.
     */
    boolean precompiled();

    /** Opens a live session on the scenario, for adding and withdrawing facts one at a time. */
    ReasoningSession open(Scenario scenario);
}
