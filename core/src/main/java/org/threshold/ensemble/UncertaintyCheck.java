package org.threshold.ensemble;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.threshold.Calibration;
import org.threshold.Scenario;

/**
 * The checks on an {@code uncertainty:} section that need the scenario: each distribution against
 * its parameter's valid values, and combinations that some draws would break (the conditions the
 * packs set on their calibration keys together). Shared by the scenario reader, which
 * reports the place in the file, and {@link Ensemble#of}, for scenarios built in code.
 */
public final class UncertaintyCheck {

    private UncertaintyCheck() {
    }

    /** What is wrong with drawing the parameter of {@code domain} from {@code d}, or null where nothing is. */
    public static String problem(ParameterDomain domain, Distribution d) {
        String path = domain.path();
        if (domain.whole() && !(d instanceof Distribution.Choice)) {
            return path + " takes whole numbers only; expected {choice: [...]} of whole numbers, got " + d.name();
        }
        if (d instanceof Distribution.Normal n) {
            if (!domain.accepts(n.mean())) {
                return "the mean " + num(n.mean()) + " is outside the valid values of " + path + " ("
                        + domain.description() + ")";
            }
            return null;
        }
        if (d instanceof Distribution.Choice c) {
            for (int i = 0; i < c.values().size(); i++) {
                double v = c.values().get(i);
                if (!domain.accepts(v)) {
                    return "choice value " + (i + 1) + " (" + num(v) + ") is outside the valid values of " + path + " ("
                            + domain.description() + ")";
                }
            }
            return null;
        }
        if (!domain.accepts(d.lowest())) {
            return "low " + num(d.lowest()) + " is outside the valid values of " + path + " (" + domain.description() + ")";
        }
        if (!domain.accepts(d.highest())) {
            return "high " + num(d.highest()) + " is outside the valid values of " + path + " (" + domain.description() + ")";
        }
        return null;
    }

    /** At most this many uncertain calibration keys have every combination of their ends checked. */
    private static final int MAX_KEYS_FOR_EVERY_CORNER = 12;

    /**
     * What combination of the section some draws would break, or null where none: the conditions
     * the packs set on their calibration keys together ({@link Calibration#checks()}, such as risk
     * bounds that must rise, or weights that must not all be 0) are checked with every uncertain
     * key at each end of its range, in every combination (the all-low and all-high ones only,
     * beyond {@value #MAX_KEYS_FOR_EVERY_CORNER} keys).
     */
    public static String combinationProblem(Scenario s, Map<String, Distribution> parameters) {
        Calibration calibration = s.calibration();
        if (calibration.checks().isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        List<double[]> ends = new ArrayList<>();
        for (String key : parameters.keySet()) {
            if (calibration.declares(key)) {
                double[] e = support(s, parameters, key);
                if (e[0] != e[1]) {
                    keys.add(key);
                    ends.add(e);
                }
            }
        }
        if (keys.isEmpty()) {
            return null;
        }
        int k = keys.size();
        List<Long> corners = new ArrayList<>();
        if (k <= MAX_KEYS_FOR_EVERY_CORNER) {
            for (long corner = 0; corner < (1L << k); corner++) {
                corners.add(corner);
            }
        } else {
            corners.add(0L);
            corners.add(-1L);
        }
        for (long corner : corners) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int j = 0; j < k; j++) {
                values.put(keys.get(j), ends.get(j)[(corner >>> j & 1L) == 0 ? 0 : 1]);
            }
            try {
                calibration.with(values);
            } catch (IllegalArgumentException e) {
                StringBuilder at = new StringBuilder();
                boolean normal = false;
                for (Map.Entry<String, Double> v : values.entrySet()) {
                    at.append(at.length() == 0 ? "" : ", ").append(v.getKey()).append(" = ").append(num(v.getValue()));
                    normal |= parameters.get(v.getKey()) instanceof Distribution.Normal;
                }
                String why = e.getMessage().endsWith(".") ? e.getMessage().substring(0, e.getMessage().length() - 1)
                        : e.getMessage();
                return "some draws would break the calibration: a draw may set " + at + ", and then " + why
                        + ". Maybe narrow the ranges of " + String.join(", ", keys)
                        + (normal ? " (a normal is drawn over all of a key's valid values; use uniform or triangular)" : "")
                        + ".";
            }
        }
        return null;
    }

    /** {lowest, highest} value a draw can give the calibration key. */
    private static double[] support(Scenario s, Map<String, Distribution> parameters, String key) {
        Distribution d = parameters.get(key);
        if (d == null) {
            double v = s.calibration().get(key);
            return new double[] {v, v};
        }
        if (d instanceof Distribution.Normal) {
            ParameterDomain domain = ParameterDomain.of(s, key);
            double low = domain.lowExcluded() ? Math.nextUp(domain.low()) : domain.low();
            return new double[] {low, domain.high()};
        }
        return new double[] {d.lowest(), d.highest()};
    }

    /** A number as a message shows it: up to 10 significant digits, plain unless very large or small. */
    public static String num(double v) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(10)).stripTrailingZeros();
        double a = Math.abs(v);
        return (a == 0 || (a >= 1e-6 && a < 1e15) ? d.toPlainString() : d.toString()).toLowerCase(Locale.ROOT);
    }
}
