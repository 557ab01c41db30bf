package org.threshold;

/**
 * A condition a rule pack sets on several of its calibration keys together, beyond each key's
 * valid values (risk bounds that must rise, weights that must not all be 0). Checked each time a
 * calibration that declares the pack's keys changes.
 */
@FunctionalInterface
public interface CalibrationCheck {

    /**
     * Checks {@code calibration}.
     *
     * @throws IllegalArgumentException saying what is wrong and how to fix it
     */
    void check(Calibration calibration);
}
