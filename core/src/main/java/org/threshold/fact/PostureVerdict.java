package org.threshold.fact;

import java.util.Objects;

/** The observer's posture as a rule concludes it; inserted logically. */
public record PostureVerdict(Posture posture, Reason reason) {
    public PostureVerdict {
        Objects.requireNonNull(posture, "posture");
    }
}
