package org.threshold.examples;

import java.time.LocalDate;

import org.threshold.Assessment;
import org.threshold.Explanation;
import org.threshold.Finding;
import org.threshold.Reasoner;
import org.threshold.Scenario;
import org.threshold.Threshold;
import org.threshold.fact.Faction;
import org.threshold.fact.Party;
import org.threshold.fact.Signal;
import org.threshold.fact.Stance;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;

/**
 * How to embed Threshold in a Java program: build one reasoner (it is thread-safe; share it),
 * describe a moment as a {@link Scenario}, assess it, and read the posture, the conclusions and
 * why each holds.
 *
 * <p>Run it with
 * {@code java -cp examples/target/threshold.jar org.threshold.examples.EmbeddingExample}.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        // One reasoner per application: the knowledge base is built here, once.
        Reasoner reasoner = Threshold.builder().build();

        // A year in which the proxy strikes deeper every few weeks and every threat lapses.
        Scenario.Builder year = Scenario.builder("embedded", LocalDate.of(2027, 6, 1))
                .capacity(0.9)
                .returnTicket(0.6, 0.7, 0.6, 0.5)
                .faction(new Faction("pragmatists", Stance.PRAGMATIC, 0.6))
                .faction(new Faction("hardliners", Stance.HARDLINE, 0.4))
                .signal(Signal.LONG_WAR_BUDGETING)
                .signal(Signal.REARMAMENT)
                .cost(Party.PROXY, 0.9)
                .cost(Party.OBSERVER, 0.02);
        for (int month = 0; month < 8; month++) {
            LocalDate day = LocalDate.of(2026, 8, 1).plusMonths(month);
            year.event(new Strike(day, Party.PROXY, month < 4 ? Target.DEEP : Target.CAPITAL, 0.6));
            year.event(new Threat(day.plusDays(2), 0.8));
        }
        Assessment assessment = reasoner.assess(year.build());

        System.out.println("posture " + assessment.posture() + ", risk " + assessment.riskLevel());
        for (Explanation why : assessment.postureBecause()) {
            System.out.println("  posture because " + why);
        }
        for (Finding finding : assessment.conclusions()) {
            System.out.println(finding.type());
            for (Explanation why : finding.because()) {
                System.out.println("  because " + why.rule() + ": " + why.reason());
            }
        }
        System.out.printf("observer confidence %.3f, escalation risk %.3f%n",
                assessment.metric("observerConfidence"), assessment.metric("escalationRisk"));
    }
}
