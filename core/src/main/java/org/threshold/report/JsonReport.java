package org.threshold.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.threshold.Assessment;
import org.threshold.Explanation;
import org.threshold.Finding;
import org.threshold.analysis.Signpost;

/**
 * An assessment as the JSON object of INTERFACES.md: scenario, asOf, posture, riskLevel, metrics,
 * and the conclusions that hold, each with its rule-by-rule {@code because}. Numbers are rounded
 * to {@value #DECIMALS} decimal places, which hides floating-point noise such as
 * 0.45500000000000007; the API keeps full precision.
 */
public final class JsonReport {

    /** Decimal places kept in JSON numbers. */
    public static final int DECIMALS = 10;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private static final DefaultPrettyPrinter COMPACT_ARRAYS = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);

    private JsonReport() {
    }

    /** The assessment as a JSON tree. */
    public static ObjectNode tree(Assessment a) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("scenario", a.scenario());
        root.put("asOf", a.asOf().toString());
        root.put("posture", a.posture() == null ? null : a.posture().name());
        root.put("riskLevel", a.riskLevel() == null ? null : a.riskLevel().name());
        ObjectNode metrics = root.putObject("metrics");
        for (Map.Entry<String, Double> m : a.metrics().entrySet()) {
            metrics.put(m.getKey(), round(m.getValue()));
        }
        conclusions(root.putArray("conclusions"), a);
        return root;
    }

    /**
     * An output state, the one shape every command gives an assessment's outputs in:
     * {@code {"posture", "riskLevel", "conclusions": [...]}}, the conclusions as in
     * {@link #tree(Assessment)}.
     */
    public static ObjectNode state(Assessment a) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("posture", a.posture() == null ? null : a.posture().name());
        o.put("riskLevel", a.riskLevel() == null ? null : a.riskLevel().name());
        conclusions(o.putArray("conclusions"), a);
        return o;
    }

    /** Adds the conclusions that hold, each as {@code {type, basis?, strength?, because: [...]}}. */
    public static void conclusions(ArrayNode into, Assessment a) {
        for (Finding finding : a.conclusions()) {
            ObjectNode c = into.addObject();
            c.put("type", finding.type());
            if (finding.basis() != null) {
                c.put("basis", finding.basis());
            }
            if (finding.strength() != null) {
                c.put("strength", round(finding.strength()));
            }
            ArrayNode because = c.putArray("because");
            for (Explanation e : finding.because()) {
                because.add(e.toString());
            }
            if (!finding.sources().isEmpty()) {
                ArrayNode sources = c.putArray("sources");
                finding.sources().forEach(sources::add);
            }
        }
    }

    /** Indented JSON, as every command prints it. */
    public static String write(Object tree) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * Indented JSON whose arrays each stand on one line, for outputs with long arrays of numbers
     * (the cells of a phase map).
     */
    public static String writeCompactArrays(Object tree) {
        try {
            return MAPPER.writer(COMPACT_ARRAYS).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The assessment as a JSON tree with a {@code signposts} array after the conclusions: for
     * each signpost its subject, its state now and after, the kind and number of further events,
     * and the sentence.
     */
    public static ObjectNode tree(Assessment a, List<Signpost> signposts) {
        ObjectNode root = tree(a);
        ArrayNode array = root.putArray("signposts");
        for (Signpost s : signposts) {
            ObjectNode o = array.addObject();
            o.put("subject", s.subject());
            o.put("now", s.now());
            o.put("after", s.after());
            o.put("kind", s.kind().name());
            o.put("events", s.count());
            if (s.kind().scored()) {
                o.put(s.kind() == org.threshold.analysis.SignpostKind.PRESSURE ? "magnitude" : "severity", round(s.score()));
            }
            o.put("text", s.text());
        }
        return root;
    }

    /** Assessments with their signposts as JSON: one object for one, an array for several. */
    public static String toJson(List<Assessment> assessments, List<List<Signpost>> signposts, boolean array) {
        if (!array && assessments.size() == 1) {
            return write(tree(assessments.get(0), signposts.get(0)));
        }
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < assessments.size(); i++) {
            all.add(tree(assessments.get(i), signposts.get(i)));
        }
        return write(all);
    }

    /** One assessment as an indented JSON object. */
    public static String toJson(Assessment a) {
        return write(tree(a));
    }

    /** Several assessments as one indented JSON array, in order. */
    public static String toJson(List<Assessment> assessments) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        assessments.forEach(a -> array.add(tree(a)));
        return write(array);
    }

    /** {@code x} rounded half-even to {@value #DECIMALS} decimal places. */
    public static double round(double x) {
        if (!Double.isFinite(x)) {
            return x;
        }
        return BigDecimal.valueOf(x).setScale(DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
    }
}
