package org.threshold.ensemble;

import java.util.Locale;
import java.util.Map;

import org.threshold.Scenario;

/**
 * The checks on an {@code uncertainty:} section that need the scenario: each distribution against
 * its parameter's valid values, and combinations that some draws would break (risk bounds that
 * must rise, return ticket weights that must not all be 0). Shared by the scenario reader, which
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

    /** What combination of the section some draws would break, or null where none. */
    public static String combinationProblem(Scenario s, Map<String, Distribution> parameters) {
        String[] risk = {"risk.elevated", "risk.high", "risk.critical"};
        for (int i = 0; i + 1 < risk.length; i++) {
            double[] lower = support(s, parameters, risk[i]);
            double[] upper = support(s, parameters, risk[i + 1]);
            if (lower[1] > upper[0]) {
                return "the risk bounds must rise in every draw (risk.elevated <= risk.high <= risk.critical), but "
                        + risk[i] + " can be drawn as high as " + num(lower[1]) + " and " + risk[i + 1] + " as low as "
                        + num(upper[0]) + ". Maybe narrow their ranges so that they do not overlap"
                        + (parameters.get(risk[i]) instanceof Distribution.Normal
                                || parameters.get(risk[i + 1]) instanceof Distribution.Normal
                                ? " (a normal is drawn over all of [0, 1]; use uniform or triangular)" : "") + ".";
            }
        }
        boolean allMayBeZero = true;
        for (String w : new String[] {"finance", "recognition", "eliteAspiration", "negotiability"}) {
            String key = "returnTicket.weight." + w;
            Distribution d = parameters.get(key);
            boolean zero = d == null ? s.calibration().get(key) == 0.0
                    : d instanceof Distribution.Choice c && c.values().contains(0.0)
                            || d instanceof Distribution.Uniform u && u.high() == 0.0
                            || d instanceof Distribution.Triangular t && t.high() == 0.0;
            allMayBeZero &= zero;
        }
        if (allMayBeZero) {
            return "a draw could set every returnTicket.weight.* to 0, and the return ticket weights must not all be 0. "
                    + "Maybe leave one of them above 0 in every draw.";
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
            ParameterDomain domain = ParameterDomain.of(key);
            return new double[] {domain.low(), domain.high()};
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
