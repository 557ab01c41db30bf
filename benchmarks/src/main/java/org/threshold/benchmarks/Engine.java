package org.threshold.benchmarks;

import org.threshold.Reasoner;
import org.threshold.Scenario;

/** What assesses in a benchmark: the rule engine, or the plain-Java baseline of the same formulas. */
enum Engine {
    DROOLS, PLAIN_JAVA;

    /** The engine named by a benchmark's {@code engine} parameter: {@code drools} or {@code plainJava}. */
    static Engine of(String name) {
        return switch (name) {
            case "drools" -> DROOLS;
            case "plainJava" -> PLAIN_JAVA;
            default -> throw new IllegalArgumentException("unknown engine (" + name + "). Maybe drools or plainJava.");
        };
    }

    Object assess(Reasoner reasoner, Scenario scenario) {
        return this == DROOLS ? reasoner.assess(scenario) : PlainJavaAssessor.assess(scenario);
    }
}
