package org.threshold;

import java.util.Objects;

/**
 * One calibration key as a rule pack declares it: its name, its default, the values it accepts
 * and what it means. A scenario file's {@code calibration:} section, the parameter paths of
 * {@code flip} and {@code map}, and every message about calibration read keys from here.
 *
 * <p>A key whose valid values are {@link Calibration.Range#POSITIVE_DAYS} may have no default
 * ({@link #unsetMeansNone()}): unset, it reads as positive infinity (for a half-life: no fading).
 *
 * @param name the key, best prefixed by the pack ({@code maritime.windowDays})
 * @param defaultValue the value where a scenario leaves the key unset
 * @param valid the values the key accepts
 * @param meaning what the key means, in a few words (may be empty)
 */
public record CalibrationKey(String name, double defaultValue, Calibration.Range valid, String meaning) {

    /**
     * @throws IllegalArgumentException for a blank name, or a default the key's valid values do
     *     not accept (positive infinity is accepted for positive days: "unset means none")
     */
    public CalibrationKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valid, "valid");
        meaning = meaning == null ? "" : meaning.strip();
        if (name.isBlank()) {
            throw new IllegalArgumentException("a calibration key must have a name");
        }
        boolean none = valid == Calibration.Range.POSITIVE_DAYS && defaultValue == Double.POSITIVE_INFINITY;
        if (!none && !valid.accepts(defaultValue)) {
            throw new IllegalArgumentException("the default of calibration key '" + name + "' must be "
                    + valid.description() + " (" + defaultValue + ")");
        }
    }

    /** A key that takes any finite number, with no stated meaning: what a bare {@code key = default} line declares. */
    public static CalibrationKey anyNumber(String name, double defaultValue) {
        return new CalibrationKey(name, defaultValue, Calibration.Range.FINITE, "");
    }

    /** Whether {@code value} is one of the key's valid values. */
    public boolean accepts(double value) {
        return valid.accepts(value);
    }

    /** Whether the key has no default: unset, it reads as positive infinity (none). */
    public boolean unsetMeansNone() {
        return defaultValue == Double.POSITIVE_INFINITY;
    }

    /** Whether the key takes whole numbers only. */
    public boolean wholeNumber() {
        return valid == Calibration.Range.COUNT;
    }

    /** The line of a {@value RulePack#CALIBRATION_FILE} file that declares this key. */
    public String toFileLine() {
        String d = unsetMeansNone() ? "none" : Double.toString(defaultValue);
        return name + " = " + d + " | " + valid.token() + (meaning.isEmpty() ? "" : " | " + meaning);
    }
}
