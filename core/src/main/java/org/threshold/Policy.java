package org.threshold;

import java.util.Objects;

import org.threshold.fact.Party;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Scores;
import org.threshold.fact.Target;

/**
 * How the observer acts on its own posture during a simulation: the feedback loop that lets the
 * conveyor belt run itself. While the posture is PRESS, a strike every {@code press.everyDays}
 * days; while HOLD, pressure every {@code hold.everyDays} days; while CONTAIN, nothing. Either
 * part may be absent. Events the policy makes are marked as generated in every output.
 *
 * <p>A policy matters only to simulations; {@link Reasoner#assess(Scenario)} ignores it.
 *
 * @param press what the observer does while it presses, or null for nothing
 * @param hold what the observer does while it holds, or null for nothing
 */
public record Policy(Press press, Hold hold) {

    /** No policy: the observer adds nothing of its own. */
    public static final Policy NONE = new Policy(null, null);

    /** Whether the policy does anything at all. */
    public boolean isActive() {
        return press != null || hold != null;
    }

    /**
     * Strikes while the posture is PRESS.
     *
     * @param everyDays days between two strikes (the first comes on the first day of PRESS)
     * @param by who strikes
     * @param target where; null to go one level deeper than the deepest strike so far (any
     *     strike, the scenario's included), starting at FRONTLINE, up to CAPITAL
     * @param severity each strike's severity, in [0, 1]
     */
    public record Press(int everyDays, Party by, Target target, double severity) {
        public Press {
            if (everyDays <= 0) {
                throw new IllegalArgumentException("policy.press.strikeEveryDays must be a positive number of days ("
                        + everyDays + ")");
            }
            Objects.requireNonNull(by, "by");
            Scores.requireScore("policy.press.severity", severity);
        }

        /** Whether each strike goes one level deeper than the deepest so far. */
        public boolean deepens() {
            return target == null;
        }
    }

    /**
     * Pressure while the posture is HOLD.
     *
     * @param everyDays days between two pressure events (the first on the first day of HOLD)
     * @param kind the kind of pressure
     * @param magnitude each event's magnitude, in [0, 1]
     */
    public record Hold(int everyDays, PressureKind kind, double magnitude) {
        public Hold {
            if (everyDays <= 0) {
                throw new IllegalArgumentException("policy.hold.pressureEveryDays must be a positive number of days ("
                        + everyDays + ")");
            }
            Objects.requireNonNull(kind, "kind");
            Scores.requireScore("policy.hold.magnitude", magnitude);
        }
    }
}
