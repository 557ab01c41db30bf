package org.threshold;

/**
 * A live assessment: the scenario's facts in one engine session, to which facts can be added and
 * from which they can be withdrawn, with the conclusions kept up to date by truth maintenance.
 * Not thread-safe; close it when done.
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

    /** Releases the engine session. */
    @Override
    void close();
}
