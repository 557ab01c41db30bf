package org.threshold.ensemble;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.threshold.Calibration;
import org.threshold.Scenario;
import org.threshold.Suggestions;
import org.threshold.analysis.InvalidParameterException;
import org.threshold.analysis.ParameterPaths;

/**
 * The values a parameter of a scenario may take, by its path: a score (capacity, a part of the
 * return ticket or of strain, an influence, a human cost, an event's severity or magnitude) lies
 * in [0, 1]; a calibration key takes the values of its {@link Calibration.Range}; a key a rule
 * pack declares, any finite number.
 *
 * @param path the parameter's path, as {@link ParameterPaths} names it
 * @param low the lowest valid value
 * @param high the highest valid value
 * @param lowExcluded whether {@code low} itself is excluded (days must be above 0)
 * @param whole whether only whole numbers are valid
 * @param description the valid values in words, for messages
 */
public record ParameterDomain(String path, double low, double high, boolean lowExcluded, boolean whole,
        String description) {

    /** Whether {@code x} is a valid value. */
    public boolean accepts(double x) {
        if (!Double.isFinite(x) || x < low || x > high || (lowExcluded && x == low)) {
            return false;
        }
        return !whole || x == Math.rint(x);
    }

    /**
     * The path as {@link ParameterPaths} names it: {@code calibration.KEY} is {@code KEY},
     * {@code adversary.factions.NAME.influence} is {@code factions.NAME.influence}.
     *
     * @throws InvalidParameterException for a path the scenario does not have, with the nearest valid ones
     */
    public static String canonical(Scenario s, String path) {
        Set<String> valid = validPaths(s);
        String p = path.trim();
        if (p.startsWith("calibration.")) {
            p = p.substring("calibration.".length());
        }
        if (p.startsWith("adversary.factions.")) {
            p = p.substring("adversary.".length());
        }
        if (valid.contains(p)) {
            return p;
        }
        throw new InvalidParameterException(path, Suggestions.nearest(path, valid, 5), List.copyOf(valid));
    }

    /** Every parameter path of the scenario: those of {@link ParameterPaths}, then the packs' calibration keys. */
    public static Set<String> validPaths(Scenario s) {
        Set<String> valid = new LinkedHashSet<>(ParameterPaths.of(s).keySet());
        valid.addAll(new ArrayList<>(s.calibration().packKeys().keySet()));
        return valid;
    }

    /** The domain of the parameter at {@code path}, a path {@link #canonical(Scenario, String)} returned. */
    public static ParameterDomain of(String path) {
        if (Calibration.isKey(path)) {
            Calibration.Range r = Calibration.range(path);
            return switch (r) {
                case UNIT -> new ParameterDomain(path, 0, 1, false, false, r.description());
                case NON_NEGATIVE -> new ParameterDomain(path, 0, Double.MAX_VALUE, false, false, r.description());
                case POSITIVE_DAYS -> new ParameterDomain(path, 0, Double.MAX_VALUE, true, false, r.description());
                case COUNT -> new ParameterDomain(path, 0, Double.MAX_VALUE, false, true, r.description());
            };
        }
        boolean score = path.startsWith("adversary.") || path.startsWith("factions.") || path.startsWith("costs.")
                || path.startsWith("events[");
        if (score) {
            return new ParameterDomain(path, 0, 1, false, false, "a score: a number in [0, 1]");
        }
        return new ParameterDomain(path, -Double.MAX_VALUE, Double.MAX_VALUE, false, false, Calibration.PACK_KEY_RANGE);
    }
}
