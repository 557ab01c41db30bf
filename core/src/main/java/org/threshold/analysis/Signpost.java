package org.threshold.analysis;

import java.util.List;
import java.util.Objects;

import org.threshold.Explanation;

/**
 * The smallest number of further events of one kind that would flip a conclusion, the posture or
 * the risk level: "NAVAL_CLASH_RISK begins after 3 more capital strikes (severity 0.6)". The load-bearing assumption, and the signpost that would show it failing.
 *
 * @param subject a conclusion's type, {@code posture} or {@code riskLevel}
 * @param now its state in the scenario: {@code holds} / {@code does not hold}, or a posture or level
 * @param after its state once the events have happened
 * @param kind the kind of event
 * @param count how many more such events it takes, at least 1
 * @param score the severity or magnitude of each event (ignored for kinds without one)
 * @param because why the new state holds (for a conclusion that ends: why it held before)
 */
public record Signpost(String subject, String now, String after, SignpostKind kind, int count, double score,
        List<Explanation> because) {

    public Signpost {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        because = List.copyOf(because);
    }

    /** The signpost in a sentence. */
    public String text() {
        String change;
        if ("holds".equals(after)) {
            change = subject + " begins";
        } else if ("does not hold".equals(after)) {
            change = subject + " ends";
        } else {
            change = subject + " turns " + after;
        }
        return change + " after " + kind.describe(count, score);
    }

    @Override
    public String toString() {
        return text();
    }
}
