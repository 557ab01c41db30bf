package org.threshold.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.threshold.Scenario;
import org.threshold.fact.Event;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Retaliation;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;

/**
 * The kinds of further event whose count a {@link Signpost} gives. Events dated "today" fall on
 * the scenario's {@code asOf}; "unanswered" ones fall just before it, so that the window in which
 * the loaded packs let an event be answered ({@link org.threshold.RulePack#answerWindowDays}) has
 * closed without a crossing by then.
 */
public enum SignpostKind {
    /** Strikes by the proxy on the capital, today. */
    CAPITAL_STRIKE("capital strike", "capital strikes", true),
    /** Strikes by the proxy deep inside the adversary, today. */
    DEEP_STRIKE("deep strike", "deep strikes", true),
    /** Strikes by the observer itself on the capital, today. */
    OBSERVER_CAPITAL_STRIKE("capital strike by the observer itself", "capital strikes by the observer itself", true),
    /** Deep strikes whose window closed unanswered: conveyor cycles. */
    UNANSWERED_DEEP_STRIKE("unanswered deep strike", "unanswered deep strikes", true),
    /** Threats whose window closed unanswered. */
    UNANSWERED_THREAT("unanswered threat", "unanswered threats", true),
    /** Threats made today, their window open. */
    THREAT("fresh threat", "fresh threats", true),
    /** Retaliations against the proxy, today. */
    RETALIATION("retaliation", "retaliations", true),
    /** Sanctions packages, today. */
    PRESSURE("sanctions package", "sanctions packages", true),
    /** A threshold crossing, today. */
    THRESHOLD_CROSSING("threshold crossing", "threshold crossings", false);

    private final String one;
    private final String many;
    private final boolean scored;

    SignpostKind(String one, String many, boolean scored) {
        this.one = one;
        this.many = many;
        this.scored = scored;
    }

    /**
     * {@code count} such events, for a scenario as of its day, each with severity or magnitude
     * {@code score}; unanswered ones dated just past {@code answerWindowDays} before it.
     */
    public List<Event> events(Scenario s, int count, double score, double answerWindowDays) {
        LocalDate today = s.asOf();
        LocalDate closed = today.minusDays((long) Math.floor(answerWindowDays) + 1);
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(switch (this) {
                case CAPITAL_STRIKE -> new Strike(today, Party.PROXY, Target.CAPITAL, score);
                case DEEP_STRIKE -> new Strike(today, Party.PROXY, Target.DEEP, score);
                case OBSERVER_CAPITAL_STRIKE -> new Strike(today, Party.OBSERVER, Target.CAPITAL, score);
                case UNANSWERED_DEEP_STRIKE -> new Strike(closed, Party.PROXY, Target.DEEP, score);
                case UNANSWERED_THREAT -> new Threat(closed, score);
                case THREAT -> new Threat(today, score);
                case RETALIATION -> new Retaliation(today, score);
                case PRESSURE -> new Pressure(today, PressureKind.SANCTIONS, score);
                case THRESHOLD_CROSSING -> new ThresholdCrossing(today);
            });
        }
        return events;
    }

    /** Whether the events are dated by the window in which an event can be answered. */
    public boolean unanswered() {
        return this == UNANSWERED_DEEP_STRIKE || this == UNANSWERED_THREAT;
    }

    /** Whether the events carry a severity or magnitude. */
    public boolean scored() {
        return scored;
    }

    /** "3 more capital strikes (severity 0.6)". */
    public String describe(int count, double score) {
        String what = count == 1 ? one : many;
        String tail = !scored ? "" : this == PRESSURE ? String.format(java.util.Locale.ROOT, " (magnitude %s)", fmt(score))
                : String.format(java.util.Locale.ROOT, " (severity %s)", fmt(score));
        return count + (this == THRESHOLD_CROSSING ? " " : " more ") + what + tail;
    }

    private static String fmt(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** The words for one such event. */
    public String singular() {
        return one;
    }
}
