package org.threshold.report;

import static org.threshold.report.JsonReport.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.threshold.ensemble.Distribution;
import org.threshold.ensemble.EnsembleSummary;

/**
 * An ensemble's summary as the JSON object of the contract (every number rounded as in
 * {@link JsonReport}) or as text a person reads: each conclusion's probability with its interval,
 * the posture and risk shares, and for each uncertain conclusion the assumptions that carry it, in
 * words. Used by {@code threshold ensemble} and by any other front end of the same ensemble.
 */
public final class EnsembleReport {

    /** A parameter carries a conclusion in the text where its total index is at least this. */
    public static final double LOAD_BEARING_TOTAL = 0.05;
    /** Without sensitivity, where its best split moves the share by at least this. */
    public static final double LOAD_BEARING_SPLIT = 0.10;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private EnsembleReport() {
    }

    /** The summary as the JSON tree of the contract, with the additive {@code splits}. */
    public static ObjectNode tree(EnsembleSummary s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("scenario", s.scenario());
        root.put("asOf", s.asOf().toString());
        root.put("samples", s.samples());
        root.put("seed", s.seed());
        root.put("assessments", s.assessments());
        ObjectNode parameters = root.putObject("parameters");
        for (Map.Entry<String, Distribution> e : s.parameters().parameters().entrySet()) {
            ArrayNode args = parameters.putObject(e.getKey()).putArray(e.getValue().name());
            e.getValue().arguments().forEach(a -> args.add(round(a)));
        }
        ObjectNode posture = root.putObject("posture");
        s.posture().forEach((k, v) -> posture.put(k, round(v)));
        ObjectNode risk = root.putObject("riskLevel");
        s.riskLevel().forEach((k, v) -> risk.put(k, round(v)));
        ObjectNode conclusions = root.putObject("conclusions");
        s.conclusions().forEach((k, v) -> {
            ObjectNode c = conclusions.putObject(k);
            c.put("probability", round(v.probability()));
            c.putArray("ci95").add(round(v.low())).add(round(v.high()));
        });
        ObjectNode metrics = root.putObject("metrics");
        s.metrics().forEach((k, v) -> {
            ObjectNode m = metrics.putObject(k);
            m.put("mean", round(v.mean()));
            m.put("sd", round(v.sd()));
            m.put("p05", round(v.p05()));
            m.put("p50", round(v.p50()));
            m.put("p95", round(v.p95()));
        });
        if (s.sensitivityRequested()) {
            ObjectNode sensitivity = root.putObject("sensitivity");
            s.sensitivity().forEach((k, list) -> {
                ArrayNode a = sensitivity.putArray(k);
                for (EnsembleSummary.SobolIndex i : list) {
                    ObjectNode o = a.addObject();
                    o.put("parameter", i.parameter());
                    o.put("first", round(i.first()));
                    o.put("total", round(i.total()));
                    o.putArray("firstCi95").add(round(i.firstLow())).add(round(i.firstHigh()));
                    o.putArray("totalCi95").add(round(i.totalLow())).add(round(i.totalHigh()));
                }
            });
        }
        ObjectNode splits = root.putObject("splits");
        s.splits().forEach((k, list) -> {
            ArrayNode a = splits.putArray(k);
            for (EnsembleSummary.Split sp : list) {
                ObjectNode o = a.addObject();
                o.put("parameter", sp.parameter());
                o.put("threshold", round(sp.threshold()));
                o.put("above", round(sp.above()));
                o.put("aboveDraws", sp.aboveDraws());
                o.put("below", round(sp.below()));
                o.put("belowDraws", sp.belowDraws());
            }
        });
        ObjectNode boxes = root.putObject("boxes");
        s.boxes().forEach((k, box) -> {
            if (box == null) {
                boxes.putNull(k);
                return;
            }
            ObjectNode b = boxes.putObject(k);
            ArrayNode ranges = b.putArray("ranges");
            for (EnsembleSummary.Range r : box.ranges()) {
                ObjectNode o = ranges.addObject();
                o.put("parameter", r.parameter());
                if (r.above() != null) {
                    o.put("above", round(r.above()));
                }
                if (r.below() != null) {
                    o.put("below", round(r.below()));
                }
            }
            b.put("density", round(box.density()));
            b.put("coverage", round(box.coverage()));
            b.put("support", round(box.support()));
            b.put("draws", box.draws());
        });
        return root;
    }

    /** The summary as an indented JSON object. */
    public static String toJson(EnsembleSummary s) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(tree(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The summary as text. */
    public static String toText(EnsembleSummary s) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Ensemble of %s, as of %s: %d draws (%d samples, seed %d)%s%n", s.scenario(),
                s.asOf(), s.assessments(), s.samples(), s.seed(),
                s.sensitivityRequested() ? ", Saltelli's scheme for Sobol indices" : ""));
        sb.append(nl).append("Uncertain parameters (").append(s.parameters().size()).append(')').append(nl);
        int width = s.parameters().parameters().keySet().stream().mapToInt(String::length).max().orElse(10);
        s.parameters().parameters().forEach((k, d) -> sb.append(String.format(Locale.ROOT, "  %-" + width + "s  %s %s%n", k,
                d.name(), d.arguments().stream().map(EnsembleReport::number).toList())));
        sb.append(nl);
        sb.append("  Posture     ").append(shares(s.posture())).append(nl);
        sb.append("  Risk level  ").append(shares(s.riskLevel())).append(nl);

        List<String> always = new ArrayList<>();
        List<String> never = new ArrayList<>();
        List<String> uncertain = new ArrayList<>();
        s.conclusions().forEach((k, v) -> {
            if (v.holds() == v.draws()) {
                always.add(k);
            } else if (v.holds() == 0) {
                never.add(k);
            } else {
                uncertain.add(k);
            }
        });
        sb.append(nl).append("Conclusions (share of ").append(s.draws()).append(" draws, 95 % interval)").append(nl);
        if (!always.isEmpty()) {
            sb.append("  in every draw: ").append(String.join(", ", always)).append(nl);
        }
        if (!never.isEmpty()) {
            sb.append("  in no draw: ").append(String.join(", ", never)).append(nl);
        }
        for (String k : uncertain) {
            sb.append("  ").append(holdsSentence(k, s.conclusions().get(k))).append(nl);
        }
        if (!uncertain.isEmpty()) {
            sb.append(nl).append("What carries each uncertain conclusion").append(nl);
            for (String k : uncertain) {
                sb.append("  ").append(carries(s, k)).append(nl);
            }
        }
        if (!s.boxes().isEmpty()) {
            sb.append(nl).append("Where each uncertain conclusion holds: the simplest box of at most three ranges with at least 80 % "
                    + "of its draws holding it").append(nl);
            s.boxes().forEach((k, box) -> sb.append("  ").append(k).append(": ").append(box(box)).append(nl));
        }
        if (s.sensitivityRequested()) {
            sb.append(nl).append("Sobol indices (first order, total order, 95 % bootstrap intervals)").append(nl);
            if (s.sensitivity().isEmpty()) {
                sb.append("  none: no output varies over the draws").append(nl);
            }
            s.sensitivity().forEach((k, list) -> {
                sb.append("  ").append(k).append(nl);
                for (EnsembleSummary.SobolIndex i : list) {
                    sb.append(String.format(Locale.ROOT, "    %-" + width + "s  first %6s (%s to %s)  total %6s (%s to %s)%n",
                            i.parameter(), index(i.first()), index(i.firstLow()), index(i.firstHigh()), index(i.total()),
                            index(i.totalLow()), index(i.totalHigh())));
                }
            });
        }
        sb.append(nl).append(String.format(Locale.ROOT, "Metrics  %-28s %9s %9s %9s %9s %9s%n", "", "mean", "sd", "p05", "p50", "p95"));
        s.metrics().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-35s %9s %9s %9s %9s %9s%n", k, metric(v.mean()),
                metric(v.sd()), metric(v.p05()), metric(v.p50()), metric(v.p95()))));
        return sb.toString();
    }

    /** "MISCALIBRATION holds in 62 % of draws (59-65 %)". */
    public static String holdsSentence(String conclusion, EnsembleSummary.Share share) {
        // whole percents, unless the interval is too narrow to show in them
        int decimals = 0;
        while (decimals < 2 && percentNumber(share.low(), decimals).equals(percentNumber(share.high(), decimals))) {
            decimals++;
        }
        return conclusion + " holds in " + percentNumber(share.probability(), decimals) + " % of draws ("
                + percentNumber(share.low(), decimals) + "-" + percentNumber(share.high(), decimals) + " %)";
    }

    private static String percentNumber(double share, int decimals) {
        if (decimals == 0) {
            return percentNumber(share);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", 100 * share);
    }

    /**
     * The sentence on what carries an uncertain conclusion: the parameters that carry it (by total
     * index with sensitivity, else by how far their best cut moves the share), each with its cut.
     */
    static String carries(EnsembleSummary s, String conclusion) {
        EnsembleSummary.Share share = s.conclusions().get(conclusion);
        List<EnsembleSummary.Split> splits = s.splits().getOrDefault(conclusion, List.of());
        List<String> parts = new ArrayList<>();
        List<EnsembleSummary.SobolIndex> indices = s.sensitivity().get(conclusion);
        if (indices != null) {
            for (EnsembleSummary.SobolIndex i : indices) {
                if (parts.isEmpty() || i.total() >= LOAD_BEARING_TOTAL && parts.size() < 3) {
                    EnsembleSummary.Split split = splitOf(splits, i.parameter());
                    parts.add(i.parameter() + " (total index " + index(i.total()) + ")"
                            + (split == null ? "" : ": " + cut(split)));
                }
            }
        } else {
            for (EnsembleSummary.Split split : splits) {
                if (parts.isEmpty() || Math.abs(split.above() - split.below()) >= LOAD_BEARING_SPLIT && parts.size() < 3) {
                    parts.add(split.parameter() + ": " + cut(split));
                }
            }
        }
        String rests = parts.isEmpty() ? "no single parameter carries it"
                : "it rests on " + String.join("; then on ", parts);
        return holdsSentence(conclusion, share) + "; " + rests;
    }

    /** A box in words: "factions.hardliners.influence above 0.646: holds in 96 % of the draws inside (11 % of all), 97 % of those where it holds". */
    static String box(EnsembleSummary.Box box) {
        if (box == null) {
            return "no box of at most three ranges reaches 80 %";
        }
        List<String> ranges = new ArrayList<>();
        for (EnsembleSummary.Range r : box.ranges()) {
            if (r.above() != null && r.below() != null) {
                ranges.add(r.parameter() + " between " + number(r.above()) + " and " + number(r.below()));
            } else if (r.above() != null) {
                ranges.add(r.parameter() + " above " + number(r.above()));
            } else {
                ranges.add(r.parameter() + " below " + number(r.below()));
            }
        }
        return (ranges.isEmpty() ? "anywhere" : String.join(" and ", ranges)) + ": holds in " + percent(box.density())
                + " of the draws inside (" + percent(box.support()) + " of all), which hold " + percent(box.coverage())
                + " of the draws where it holds";
    }

    private static EnsembleSummary.Split splitOf(List<EnsembleSummary.Split> splits, String parameter) {
        for (EnsembleSummary.Split sp : splits) {
            if (sp.parameter().equals(parameter)) {
                return sp;
            }
        }
        return null;
    }

    private static String cut(EnsembleSummary.Split split) {
        return "above " + number(split.threshold()) + " it holds in " + percent(split.above()) + " of draws, below in "
                + percent(split.below());
    }

    private static String shares(Map<String, Double> shares) {
        List<String> parts = new ArrayList<>();
        shares.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> parts.add(e.getKey() + " " + percent(e.getValue())));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** A share as a percentage: whole percents, one decimal where that would show 0 % or 100 % for neither. */
    static String percent(double share) {
        return percentNumber(share) + " %";
    }

    private static String percentNumber(double share) {
        double pc = 100 * share;
        long whole = Math.round(pc);
        if ((whole == 0 && pc > 0) || (whole == 100 && pc < 100)) {
            String one = String.format(Locale.ROOT, "%.1f", pc);
            if (one.equals("0.0") || one.equals("100.0")) {
                return String.format(Locale.ROOT, "%.2f", pc);
            }
            return one;
        }
        return Long.toString(whole);
    }

    private static String index(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    /** A number to three significant digits, without trailing zeros. */
    static String number(double x) {
        if (x == 0) {
            return "0";
        }
        java.math.BigDecimal d = new java.math.BigDecimal(x).round(new java.math.MathContext(3)).stripTrailingZeros();
        double a = Math.abs(x);
        return a >= 1e-6 && a < 1e15 ? d.toPlainString() : d.toString();
    }

    private static String metric(double x) {
        java.math.BigDecimal d = new java.math.BigDecimal(round(x)).round(new java.math.MathContext(4)).stripTrailingZeros();
        double a = Math.abs(round(x));
        return a == 0 || (a >= 1e-6 && a < 1e15) ? d.toPlainString() : d.toString();
    }
}
