package org.threshold.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.threshold.Explanation;

/**
 * A change in a simulation: a conclusion starts or stops holding, or the posture or the risk
 * level changes, on {@code day}.
 *
 * @param day the first day of the new state
 * @param subject the conclusion's type, or {@code posture}, or {@code riskLevel}
 * @param before the state on the day before: {@code holds} / {@code does not hold} for a
 *     conclusion, else the posture or level
 * @param after the state from {@code day} on
 * @param because for a state that begins, why it holds now; for a conclusion that stops, why it
 *     held until the day before
 * @param sources for a conclusion, the citations of the events with a source it rests on (see
 *     {@link org.threshold.Finding#sources()}); empty otherwise
 */
public record Transition(LocalDate day, String subject, String before, String after, List<Explanation> because,
        List<String> sources) {

    /** The subject of posture changes. */
    public static final String POSTURE = "posture";
    /** The subject of risk level changes. */
    public static final String RISK_LEVEL = "riskLevel";
    /** A conclusion's state while it holds. */
    public static final String HOLDS = "holds";
    /** A conclusion's state while it does not hold. */
    public static final String DOES_NOT_HOLD = "does not hold";

    public Transition {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(subject, "subject");
        because = List.copyOf(because);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A transition that cites no sources. */
    public Transition(LocalDate day, String subject, String before, String after, List<Explanation> because) {
        this(day, subject, before, after, because, List.of());
    }

    /** Whether this is a conclusion that begins to hold. */
    public boolean begins() {
        return HOLDS.equals(after);
    }

    /** One line, such as {@code 2027-03-04 NAVAL_CLASH_RISK begins: rule '...': ...}. */
    @Override
    public String toString() {
        String what;
        if (HOLDS.equals(after)) {
            what = subject + " begins";
        } else if (DOES_NOT_HOLD.equals(after)) {
            what = subject + " ends";
        } else {
            what = subject + " " + before + " -> " + after;
        }
        return day + " " + what + (because.isEmpty() ? "" : ": " + because.get(0));
    }
}
