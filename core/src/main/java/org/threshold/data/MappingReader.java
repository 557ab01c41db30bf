package org.threshold.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.threshold.Suggestions;
import org.threshold.fact.Party;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Target;

/**
 * Reads mapping files (YAML) strictly, as scenario files are read: unknown keys (with the
 * nearest valid key suggested), duplicate keys, wrong types, unknown columns, event types and
 * values are errors, each one {@link InvalidMappingException} naming the file, the line and
 * column, and the field.
 *
 * <p>The format, as the built-in mappings show it ({@code threshold import --source gdelt
 * --print-mapping}):
 *
 * <pre>
 * dataset: chronology                       # required: cited in each event's source
 * format: {delimiter: ",", quoted: true, header: true, columns: [date, type]}
 * day: {column: date, pattern: yyyy-MM-dd}  # required
 * id: row                                   # a column, or row for "row N"
 * url: source_url                           # optional
 * keep: [{column: NumSources, min: 2}]      # optional: records failing one are filtered
 * merge: false                              # optional: merge one day's equal events
 * rules:                                    # required: the first rule whose conditions hold
 *   - when: [{column: type, in: [STRIKE]}]
 *     event: {type: STRIKE, by: {column: by}, target: {column: target}, severity: 0.5}
 *   - when: [{column: type, in: [NEAR_MISS]}]
 *     skip: near miss                       # skipped and counted under this reason
 * </pre>
 */
public final class MappingReader {

    /** The built-in mappings, by source name. */
    public static final List<String> BUILT_IN = List.of("chronology", "gdelt");
    /** The largest mapping file read, in bytes. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final List<String> TOP_KEYS = List.of("dataset", "format", "day", "id", "url", "keep", "merge", "rules");
    private static final List<String> FORMAT_KEYS = List.of("delimiter", "quoted", "header", "columns");
    private static final List<String> DAY_KEYS = List.of("column", "pattern");
    private static final List<String> CONDITION_KEYS = List.of("column", "in", "notIn", "min", "max");
    private static final List<String> RULE_KEYS = List.of("when", "event", "skip");
    private static final List<String> EVENT_KEYS = List.of("type", "by", "target", "kind", "severity", "magnitude");
    private static final List<String> VALUE_KEYS = List.of("column", "lookup", "otherwise");
    private static final List<String> NUMBER_KEYS = List.of("column", "scale", "max", "otherwise");
    private static final List<String> TYPES = List.of("STRIKE", "THREAT", "RETALIATION", "PRESSURE", "THRESHOLD_CROSSING");
    private static final Map<String, List<String>> TYPE_KEYS = Map.of(
            "STRIKE", List.of("type", "by", "target", "severity"),
            "THREAT", List.of("type", "severity"),
            "RETALIATION", List.of("type", "severity"),
            "PRESSURE", List.of("type", "kind", "magnitude"),
            "THRESHOLD_CROSSING", List.of("type"));

    private final String source;
    private Set<String> columns = Set.of();

    private MappingReader(String source) {
        this.source = source;
    }

    /** Reads the mapping file at {@code file}. */
    public static Mapping read(Path file) {
        String shown = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidMappingException(shown, 0, 0, null, "is a folder, not a mapping file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidMappingException(shown, 0, 0, null, "the file has more than " + MAX_BYTES + " bytes, the limit");
            }
            return read(shown, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InvalidMappingException(shown, 0, 0, null, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidMappingException(shown, 0, 0, null, "the file is not UTF-8 text; expected a YAML mapping file");
        } catch (IOException e) {
            throw new InvalidMappingException(shown, 0, 0, null, "cannot read the file (" + e.getMessage() + ")");
        }
    }

    /** Reads a mapping from YAML {@code text}, naming it {@code source} in messages. */
    public static Mapping read(String source, String text) {
        MappingReader r = new MappingReader(source);
        return r.mapping(r.parse(text));
    }

    /** The built-in mapping of a source ({@link #BUILT_IN}), read from its file. */
    public static Mapping builtIn(String name) {
        return read("built-in mapping '" + name + "'", builtInText(name));
    }

    /** The text of a built-in mapping file, as {@code --print-mapping} prints it. */
    public static String builtInText(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("no built-in mapping '" + name + "'. " + Suggestions.hint(name, BUILT_IN, "mappings"));
        }
        try (InputStream in = MappingReader.class.getResourceAsStream("/org/threshold/data/" + name + ".mapping.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the built-in mapping '" + name + "' is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in mapping '" + name + "'", e);
        }
    }

    // ---- a located tree ----

    private sealed interface N permits M, L, S {
        int line();

        int column();

        String describe();
    }

    private record M(int line, int column, LinkedHashMap<String, N> entries, Map<String, int[]> places) implements N {
        public String describe() {
            return "a mapping";
        }
    }

    private record L(int line, int column, List<N> items) implements N {
        public String describe() {
            return "a list";
        }
    }

    private record S(int line, int column, JsonToken token, String text) implements N {
        public String describe() {
            return token == JsonToken.VALUE_NULL ? "nothing (null)" : token == JsonToken.VALUE_STRING ? "the text '" + text + "'"
                    : token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE ? "the boolean " + text : "the number " + text;
        }

        boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }
    }

    private N parse(String text) {
        if (text.isBlank()) {
            throw error(0, 0, null, "the file is empty; expected a mapping with at least dataset, format, day and rules");
        }
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            N root = node(p, first, 0);
            if (p.nextToken() != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw error(loc.getLineNr(), loc.getColumnNr(), null, "a second document follows; expected exactly one mapping per file");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String message = e.getOriginalMessage().split("\n")[0];
            throw error(loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), null, "not valid YAML: " + message);
        } catch (IOException e) {
            throw error(0, 0, null, "cannot parse the file (" + e.getMessage() + ")");
        } catch (InvalidMappingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw error(0, 0, null, "not valid YAML: " + String.valueOf(e.getMessage()).split("\n")[0]);
        }
    }

    private N node(JsonParser p, JsonToken t, int depth) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int column = loc.getColumnNr();
        if (depth > 10) {
            throw error(line, column, null, "the document nests deeper than 10 levels; a mapping needs at most 5");
        }
        if (t == JsonToken.START_OBJECT) {
            LinkedHashMap<String, N> entries = new LinkedHashMap<>();
            Map<String, int[]> places = new HashMap<>();
            for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                String key = p.currentName();
                JsonLocation kl = p.currentTokenLocation();
                N value = node(p, p.nextToken(), depth + 1);
                if (entries.containsKey(key)) {
                    throw error(kl.getLineNr(), kl.getColumnNr(), null, "duplicate key '" + key + "' (first given at line "
                            + places.get(key)[0] + "); each key may appear once");
                }
                entries.put(key, value);
                places.put(key, new int[] {kl.getLineNr(), kl.getColumnNr()});
            }
            return new M(line, column, entries, places);
        }
        if (t == JsonToken.START_ARRAY) {
            List<N> items = new ArrayList<>();
            for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                items.add(node(p, i, depth + 1));
            }
            return new L(line, column, items);
        }
        return new S(line, column, t, p.getText());
    }

    // ---- the mapping ----

    private Mapping mapping(N root) {
        M top = map(root, "", "a mapping with dataset, format, day, rules");
        checkKeys(top, "", TOP_KEYS, "top-level keys");
        String dataset = text(required(top, "", "dataset", "the data set's name, cited in each event's source"), "dataset");
        Mapping.Format format = format(map(required(top, "", "format", "the file's layout, like {delimiter: \",\", header: true}"),
                "format", "a mapping like {delimiter: \",\", quoted: true, header: true}"));
        columns = new LinkedHashSet<>(format.columns());
        M dayNode = map(required(top, "", "day", "the day's column, like {column: date, pattern: yyyy-MM-dd}"), "day",
                "a mapping like {column: date, pattern: yyyy-MM-dd}");
        checkKeys(dayNode, "day", DAY_KEYS, "keys of day");
        String dayColumn = column(required(dayNode, "day", "column", "the column of the record's day"), "day.column");
        N patternNode = required(dayNode, "day", "pattern", "the date pattern, like yyyy-MM-dd or yyyyMMdd");
        String pattern = text(patternNode, "day.pattern");
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw error(patternNode.line(), patternNode.column(), "day.pattern", "'" + pattern
                    + "' is not a date pattern; expected one like yyyy-MM-dd or yyyyMMdd");
        }
        String id = null;
        N idNode = top.entries().get("id");
        if (idNode != null) {
            String t = text(idNode, "id");
            id = t.equals("row") ? null : column(idNode, "id");
        }
        String url = top.entries().containsKey("url") ? column(top.entries().get("url"), "url") : null;
        List<Mapping.Condition> keep = new ArrayList<>();
        N keepNode = top.entries().get("keep");
        if (keepNode != null) {
            L list = list(keepNode, "keep", "a list of conditions like {column: NumSources, min: 2}");
            for (int i = 0; i < list.items().size(); i++) {
                keep.add(condition(list.items().get(i), "keep[" + i + "]"));
            }
        }
        boolean merge = top.entries().containsKey("merge") && bool(top.entries().get("merge"), "merge");
        L rulesNode = list(required(top, "", "rules", "the rules that turn records into events"), "rules", "a list of rules");
        if (rulesNode.items().isEmpty()) {
            throw error(rulesNode.line(), rulesNode.column(), "rules", "expected at least one rule");
        }
        List<Mapping.Rule> rules = new ArrayList<>();
        for (int i = 0; i < rulesNode.items().size(); i++) {
            rules.add(rule(rulesNode.items().get(i), "rules[" + i + "]"));
        }
        return new Mapping(dataset, format, new Mapping.DayColumn(dayColumn, pattern, formatter), id, url, keep, rules, merge);
    }

    private Mapping.Format format(M m) {
        checkKeys(m, "format", FORMAT_KEYS, "keys of format");
        N d = required(m, "format", "delimiter", "the field delimiter: \",\", \";\" or tab");
        String delimiter = text(d, "format.delimiter");
        char c;
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\t")) {
            c = '\t';
        } else if (delimiter.length() == 1 && delimiter.charAt(0) != '"' && delimiter.charAt(0) != '\n' && delimiter.charAt(0) != '\r') {
            c = delimiter.charAt(0);
        } else {
            throw error(d.line(), d.column(), "format.delimiter", "expected one character or tab, got '" + delimiter + "'");
        }
        boolean quoted = !m.entries().containsKey("quoted") || bool(m.entries().get("quoted"), "format.quoted");
        boolean header = !m.entries().containsKey("header") || bool(m.entries().get("header"), "format.header");
        List<String> cols = new ArrayList<>();
        N cn = m.entries().get("columns");
        if (cn != null) {
            L list = list(cn, "format.columns", "a list of column names");
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < list.items().size(); i++) {
                N item = list.items().get(i);
                String name = text(item, "format.columns[" + i + "]");
                if (!seen.add(name)) {
                    throw error(item.line(), item.column(), "format.columns[" + i + "]", "the column '" + name + "' is named twice");
                }
                cols.add(name);
            }
        }
        if (!header && cols.isEmpty()) {
            throw error(m.line(), m.column(), "format", "a file without a header needs its columns: add columns: [...]");
        }
        return new Mapping.Format(c, quoted, header, cols);
    }

    private Mapping.Condition condition(N node, String path) {
        M m = map(node, path, "a condition like {column: NumSources, min: 2} or {column: EventRootCode, in: [\"18\", \"19\"]}");
        checkKeys(m, path, CONDITION_KEYS, "keys of a condition");
        String column = column(required(m, path, "column", "the column the condition reads"), path + ".column");
        List<String> in = m.entries().containsKey("in") ? texts(m.entries().get("in"), path + ".in") : null;
        List<String> notIn = m.entries().containsKey("notIn") ? texts(m.entries().get("notIn"), path + ".notIn") : null;
        Double min = m.entries().containsKey("min") ? number(m.entries().get("min"), path + ".min") : null;
        Double max = m.entries().containsKey("max") ? number(m.entries().get("max"), path + ".max") : null;
        if (in == null && notIn == null && min == null && max == null) {
            throw error(m.line(), m.column(), path, "a condition needs at least one of in, notIn, min, max");
        }
        return new Mapping.Condition(column, in, notIn, min, max);
    }

    private Mapping.Rule rule(N node, String path) {
        M m = map(node, path, "a rule like {when: [...], event: {type: STRIKE, ...}}");
        checkKeys(m, path, RULE_KEYS, "keys of a rule");
        List<Mapping.Condition> when = new ArrayList<>();
        N w = m.entries().get("when");
        if (w != null) {
            L list = list(w, path + ".when", "a list of conditions");
            for (int i = 0; i < list.items().size(); i++) {
                when.add(condition(list.items().get(i), path + ".when[" + i + "]"));
            }
        }
        N e = m.entries().get("event");
        N s = m.entries().get("skip");
        if ((e == null) == (s == null)) {
            throw error(m.line(), m.column(), path, "a rule needs exactly one of event (the event it makes) and skip (the reason it skips)");
        }
        if (s != null) {
            return new Mapping.Rule(when, null, text(s, path + ".skip"));
        }
        return new Mapping.Rule(when, event(map(e, path + ".event", "an event like {type: STRIKE, by: PROXY, target: DEEP, severity: 0.5}"),
                path + ".event"), null);
    }

    private Mapping.EventSpec event(M m, String path) {
        N typeNode = required(m, path, "type", "one of " + String.join(", ", TYPES));
        String type = text(typeNode, path + ".type").trim().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw error(typeNode.line(), typeNode.column(), path + ".type", "unknown event type '" + type + "'. "
                    + Suggestions.hint(type, TYPES, "event types"));
        }
        checkKeys(m, path, TYPE_KEYS.get(type), "keys of a " + type + " event");
        Mapping.Value by = value(m, path, "by", Party.class);
        Mapping.Value target = value(m, path, "target", Target.class);
        if (type.equals("STRIKE") && target == null) {
            throw error(m.line(), m.column(), path, "missing required key 'target': FRONTLINE, INFRASTRUCTURE, DEEP, CAPITAL, or {column: ...}");
        }
        return new Mapping.EventSpec(type, by, target, value(m, path, "kind", PressureKind.class),
                scoreSpec(m, path, "severity"), scoreSpec(m, path, "magnitude"));
    }

    private <E extends Enum<E>> Mapping.Value value(M m, String path, String key, Class<E> type) {
        N node = m.entries().get(key);
        if (node == null) {
            return null;
        }
        String field = path + "." + key;
        if (node instanceof S) {
            return new Mapping.Value(enumText(node, field, type), null, Map.of(), null);
        }
        M v = map(node, field, "a constant or a mapping like {column: by, lookup: {UKR: PROXY}, otherwise: OBSERVER}");
        checkKeys(v, field, VALUE_KEYS, "keys of a value");
        String column = column(required(v, field, "column", "the column to read"), field + ".column");
        Map<String, String> lookup = new LinkedHashMap<>();
        N l = v.entries().get("lookup");
        if (l != null) {
            M lm = map(l, field + ".lookup", "a mapping of column values to values");
            for (Map.Entry<String, N> e : lm.entries().entrySet()) {
                lookup.put(e.getKey(), enumText(e.getValue(), field + ".lookup." + e.getKey(), type));
            }
        }
        String otherwise = v.entries().containsKey("otherwise") ? enumText(v.entries().get("otherwise"), field + ".otherwise", type) : null;
        return new Mapping.Value(null, column, lookup, otherwise);
    }

    private Mapping.Score scoreSpec(M m, String path, String key) {
        N node = m.entries().get(key);
        if (node == null) {
            return null;
        }
        String field = path + "." + key;
        if (node instanceof S) {
            return new Mapping.Score(score(node, field), null, null, 1, null);
        }
        M v = map(node, field, "a score in [0, 1] or a mapping like {column: NumMentions, scale: log, max: 1000}");
        checkKeys(v, field, NUMBER_KEYS, "keys of a number");
        String column = column(required(v, field, "column", "the numeric column to read"), field + ".column");
        N scaleNode = required(v, field, "scale", "linear (x / max) or log (log(1 + x) / log(1 + max))");
        String scale = text(scaleNode, field + ".scale");
        if (!scale.equals("linear") && !scale.equals("log")) {
            throw error(scaleNode.line(), scaleNode.column(), field + ".scale", "expected linear or log, got '" + scale + "'. "
                    + Suggestions.hint(scale, List.of("linear", "log"), "scales"));
        }
        N maxNode = required(v, field, "max", "the value that counts 1 (larger values are clamped)");
        double max = number(maxNode, field + ".max");
        if (max <= 0) {
            throw error(maxNode.line(), maxNode.column(), field + ".max", "expected a number > 0, got " + maxNode.describe());
        }
        Double otherwise = v.entries().containsKey("otherwise") ? score(v.entries().get("otherwise"), field + ".otherwise") : null;
        return new Mapping.Score(null, column, scale, max, otherwise);
    }

    // ---- typed access ----

    private M map(N node, String path, String expected) {
        if (node instanceof M m) {
            return m;
        }
        throw error(node.line(), node.column(), path, "expected " + expected + ", got " + node.describe());
    }

    private L list(N node, String path, String expected) {
        if (node instanceof L l) {
            return l;
        }
        throw error(node.line(), node.column(), path, "expected " + expected + ", got " + node.describe());
    }

    private N required(M m, String path, String key, String expected) {
        N n = m.entries().get(key);
        if (n == null) {
            throw error(m.line(), m.column(), path.isEmpty() ? null : path, "missing required key '" + key + "': " + expected);
        }
        return n;
    }

    private void checkKeys(M m, String path, List<String> valid, String what) {
        for (Map.Entry<String, int[]> e : m.places().entrySet()) {
            if (!valid.contains(e.getKey())) {
                String field = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                throw error(e.getValue()[0], e.getValue()[1], field, "unknown key '" + e.getKey() + "'"
                        + (path.isEmpty() ? "" : " in " + path) + ". " + Suggestions.hint(e.getKey(), valid, what));
            }
        }
    }

    private String text(N node, String path) {
        if (node instanceof S s && s.token() != JsonToken.VALUE_NULL) {
            return s.text();
        }
        throw error(node.line(), node.column(), path, "expected a text value, got " + node.describe());
    }

    private List<String> texts(N node, String path) {
        List<String> out = new ArrayList<>();
        if (node instanceof S) {
            out.add(text(node, path));
            return out;
        }
        L list = list(node, path, "a list of values");
        for (int i = 0; i < list.items().size(); i++) {
            out.add(text(list.items().get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private String column(N node, String path) {
        String name = text(node, path);
        if (!columns.isEmpty() && !columns.contains(name)) {
            throw error(node.line(), node.column(), path, "unknown column '" + name + "'. " + Suggestions.hint(name, columns, "columns"));
        }
        return name;
    }

    private double number(N node, String path) {
        if (node instanceof S s && s.isNumber()) {
            double v = Double.parseDouble(s.text());
            if (Double.isFinite(v)) {
                return v;
            }
        }
        throw error(node.line(), node.column(), path, "expected a finite number, got " + node.describe());
    }

    private double score(N node, String path) {
        double v = number(node, path);
        if (v < 0 || v > 1) {
            throw error(node.line(), node.column(), path, "expected a score: a number in [0, 1], got " + node.describe());
        }
        return v + 0.0;
    }

    private boolean bool(N node, String path) {
        if (node instanceof S s && (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE)) {
            return s.token() == JsonToken.VALUE_TRUE;
        }
        throw error(node.line(), node.column(), path, "expected true or false, got " + node.describe());
    }

    private <E extends Enum<E>> String enumText(N node, String path, Class<E> type) {
        String t = text(node, path).trim().toUpperCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        if (!names.contains(t)) {
            throw error(node.line(), node.column(), path, "unknown value '" + t + "'; expected one of " + String.join(", ", names)
                    + ". " + Suggestions.hint(t, names, "values"));
        }
        return t;
    }

    private InvalidMappingException error(int line, int column, String field, String problem) {
        return new InvalidMappingException(source, line, column, field, problem);
    }
}
