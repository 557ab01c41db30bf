package org.threshold.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.threshold.Assessment;
import org.threshold.Explanation;
import org.threshold.Finding;
import org.threshold.analysis.Signpost;

/** An assessment as a report for a person: posture, risk, conclusions with their reasons, metrics. */
public final class TextReport {

    private TextReport() {
    }

    /**
     * The report.
     *
     * @param known every conclusion the packs can draw, so the report can name those that do not
     *     hold; may be empty
     */
    public static String render(Assessment a, List<String> known) {
        return render(a, known, List.of());
    }

    /** The report with a section of signposts after the conclusions; see {@link org.threshold.analysis.Signposts}. */
    public static String render(Assessment a, List<String> known, List<Signpost> signposts) {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("Scenario ").append(a.scenario()).append(", as of ").append(a.asOf()).append(nl).append(nl);
        sb.append(String.format(Locale.ROOT, "  Posture     %-9s", a.posture() == null ? "none" : a.posture()));
        appendFirst(sb, a.postureBecause(), nl);
        sb.append(String.format(Locale.ROOT, "  Risk level  %-9s", a.riskLevel() == null ? "none" : a.riskLevel()));
        appendFirst(sb, a.riskLevelBecause(), nl);
        sb.append(nl);
        sb.append("Conclusions that hold (").append(a.conclusions().size()).append(')').append(nl);
        if (a.conclusions().isEmpty()) {
            sb.append("  none").append(nl);
        }
        for (Finding f : a.conclusions()) {
            sb.append("  ").append(f.type());
            List<String> qualifiers = new ArrayList<>();
            if (f.basis() != null) {
                qualifiers.add("basis " + f.basis());
            }
            if (f.strength() != null) {
                qualifiers.add("strength " + number(f.strength()));
            }
            if (!qualifiers.isEmpty()) {
                sb.append(" (").append(String.join(", ", qualifiers)).append(')');
            }
            sb.append(nl);
            for (Explanation e : f.because()) {
                sb.append("      because ").append(e).append(nl);
            }
            if (!f.sources().isEmpty()) {
                sb.append("      sources ").append(String.join(", ", f.sources())).append(nl);
            }
        }
        List<String> notHolding = known.stream().filter(k -> !a.holds(k)).toList();
        if (!notHolding.isEmpty()) {
            sb.append(nl).append("Not holding").append(nl);
            sb.append("  ").append(String.join(", ", notHolding)).append(nl);
        }
        if (!signposts.isEmpty()) {
            sb.append(nl).append("Signposts: the fewest further events that would flip each").append(nl);
            String subject = null;
            for (Signpost s : signposts) {
                if (!s.subject().equals(subject)) {
                    subject = s.subject();
                    sb.append("  ").append(subject).append(" (now ").append(s.now()).append(')').append(nl);
                }
                sb.append("      ").append(s.text()).append(nl);
            }
        }
        sb.append(nl).append("Metrics").append(nl);
        for (Map.Entry<String, Double> m : a.metrics().entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %-28s %s", m.getKey(), number(m.getValue()))).append(nl);
        }
        return sb.toString();
    }

    /** A number as a person reads it: at most six decimals, no trailing zeros, at least one decimal. */
    static String number(double x) {
        if (!Double.isFinite(x)) {
            return String.valueOf(x);
        }
        String s = new BigDecimal(Double.toString(x)).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    private static void appendFirst(StringBuilder sb, List<Explanation> because, String nl) {
        if (because.isEmpty()) {
            sb.append(nl);
            return;
        }
        sb.append(' ').append(because.get(0)).append(nl);
        for (int i = 1; i < because.size(); i++) {
            sb.append("                         and ").append(because.get(i)).append(nl);
        }
    }
}
