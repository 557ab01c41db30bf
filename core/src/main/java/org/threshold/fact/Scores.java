package org.threshold.fact;

/** Arithmetic on scores in [0, 1], for rules and for validation. */
public final class Scores {

    private Scores() {
    }

    /** Clips {@code x} to [0, 1]. */
    public static double clamp(double x) {
        return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x);
    }

    /** Checks that {@code value} is a finite number in [0, 1] and returns it. */
    public static double requireScore(String what, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(what + " must be a score in [0, 1] (" + value + ")");
        }
        return value;
    }
}
