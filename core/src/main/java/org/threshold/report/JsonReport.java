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
        ArrayNode conclusions = root.putArray("conclusions");
        for (Finding finding : a.conclusions()) {
            ObjectNode c = conclusions.addObject();
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
        }
        return root;
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

    private static String write(Object tree) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** {@code x} rounded half-even to {@value #DECIMALS} decimal places. */
    public static double round(double x) {
        if (!Double.isFinite(x)) {
            return x;
        }
        return BigDecimal.valueOf(x).setScale(DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
    }
}
