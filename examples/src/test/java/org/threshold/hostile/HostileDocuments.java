package org.threshold.hostile;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.threshold.scenario.ScenarioReader;
import org.threshold.testing.ScenarioGenerators;

/**
 * Hostile scenario documents, made from valid ones: a scenario printed by
 * {@link ScenarioGenerators#describe} or an example file under {@code scenarios/}, as YAML or as
 * JSON, then broken by one or more {@link Mutation}s (wrong types, NaN, impossible dates,
 * duplicate and unknown keys, aliases and alias bombs, truncation, junk bytes, other encodings,
 * deep nesting, huge values, too many events, ...). A mutation draws its choices from a seed, so a
 * failing case is reproduced from the values QuickTheories prints.
 */
final class HostileDocuments {

    /** What is done to a valid document. */
    enum Mutation {
        NONE, VALUE, KEY, DUPLICATE_KEY, ENUM, LINES, TRUNCATE, JUNK, ENCODING, EMPTY, MULTI_DOC, ALIASES,
        ALIAS_BOMB, MANY_EVENTS, NESTING, HUGE, TABS, LINE_ENDINGS, JSON, SECTION_TYPE, UNCERTAINTY
    }

    /** One input: the bytes of a file, whether it is named {@code .json}, and how it was made. */
    record Document(String how, byte[] bytes, boolean json) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String t = text();
            return how + (json ? " (.json)" : " (.yaml)") + ", " + bytes.length + " bytes:\n"
                    + (t.length() > 3000 ? t.substring(0, 3000) + "\n... (cut)" : t);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Pattern YAML_VALUE = Pattern.compile("(?<![\\w.])([A-Za-z][\\w.]*+)([ \\t]*:[ \\t]+)([^,{}\\[\\]\\n#]*[^,{}\\[\\]\\n# ])");
    private static final Pattern JSON_VALUE = Pattern.compile("(\"[A-Za-z][\\w.]*\")(\\s*:\\s*)(\"[^\"]*\"|[-+\\w.]+)");
    private static final Pattern ENUM_WORD = Pattern.compile("\\b[A-Z][A-Z_]{2,}\\b");
    private static final Pattern EVENT_LINE = Pattern.compile("(?m)^([ \\t]*)- (\\{.*\\})[ \\t]*(#.*)?$");
    private static final Pattern TOP_KEY = Pattern.compile("(?m)^([A-Za-z]\\w*):(.*)$");

    private static final String[] VALUES = {
        ".nan", ".NaN", ".NAN", ".inf", "-.inf", "+.inf", ".Inf", "1e400", "-1e400", "1e-400", "1.5", "-0.1", "-1", "2",
        "-0.0", "0", "1", "0.5", "99999999999999999999999", "0x10", "0o7", "010", "1_000", ".5", "+1", "1e0", "'0.5'",
        "\"0.5\"", "true", "no", "null", "~", "[]", "{}", "[0.5]", "{a: 1}", "2026-02-30", "2026-13-01", "2026-00-10",
        "2023-02-29", "2024-02-29", "26-11-24", "24/11/2026", "2026-11-24T00:00:00", "2026-1-2", "0000-01-01",
        "9999-12-31", "+2026-01-01", "''", "'  '", "ünïcödé ✓", "'\\t'", "\"\\0\"", "\"a\\u0000b\"", "!!str 0.5",
        "!!float '0.5'", "!!int 1", "!custom x", "*undefined", "&a 0.5", "STRIKE", "strike", "PROXY", "capital",
        "HARDLINE", "REARMAMENT", "SANCTIONS", "THRESHOLD_CROSSING", "DEEPEN", "0.30000000000000004", "4.9e-324",
        "1.7976931348623157e308", "36500", "36501", "1e3", "45", "0.0001", "\"2026-11-24\"", "!!timestamp 2026-01-01",
        "[STRIKE]", "{day: 2026-01-01}", "\"\\uD800\"", "\"\\x00\"", "@", "`x`", "%x", "- x",
    };

    private static final String[] JSON_VALUES = {
        "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1.5", "-0.1", "-1", "2", "-0.0", "0", "1", "0.5", "\"0.5\"",
        "99999999999999999999999", "0x10", "01", "+1", ".5", "1.", "true", "null", "[]", "{}", "[0.5]", "{\"a\": 1}",
        "\"2026-02-30\"", "\"24/11/2026\"", "\"2026-11-24T00:00:00\"", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "'x'",
        "\"STRIKE\"", "\"strike\"", "\"PROXY\"", "\"capital\"", "\"DEEPEN\"", "\"2024-02-29\"", "\"2023-02-29\"",
    };

    private static final String[] JUNK = {
        "\t", "\0", "\u0007", "\u001b", "\uFEFF", "{", "}", "[", "]", ",", ":", ": ", "- ", "&a ", "*a", "!!binary ",
        "---\n", "...\n", "%YAML 1.2\n", "? ", "<<: ", "|", ">", "#", "\"", "'", "\\", "\r", "\u2028", "\u0085",
        "\uD83D\uDE00", "\n", "\n  ", "  ", "~", "@", "`", "%", "&", "*", "!", "\u00e9", "\uFFFE", "\uFFFF",
    };

    private static final String[] EMPTY = {
        "", " ", "\n\n", "# only a comment\n", "---\n", "...\n", "~\n", "null", "[]", "{}", "42", "\"text\"",
        "- a\n- b\n", "name: x\n", "asOf: 2026-01-01\n", "---\n...\n", "%YAML 1.1\n---\n", "\uFEFF", "\t", "\r\n",
    };

    private final List<String> examples;

    HostileDocuments(Path scenarioFolder) {
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(scenarioFolder)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                texts.add(Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.examples = List.copyOf(texts);
    }

    /** Valid documents: generated scenarios and the example files, YAML or JSON. */
    Gen<Document> valid() {
        Gen<String> generated = ScenarioGenerators.standard().scenarios().map(ScenarioGenerators::describe);
        Gen<String> files = Generate.pick(examples);
        Gen<String> yaml = Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(3, generated), org.quicktheories.api.Pair.of(1, files)));
        return yaml.zip(integers().between(0, 4), (text, k) -> k == 0
                ? new Document("valid, as JSON", toJson(text).getBytes(StandardCharsets.UTF_8), true)
                : new Document("valid", text.getBytes(StandardCharsets.UTF_8), false));
    }

    /** Valid documents broken by one to three mutations, the first drawn by the generator. */
    Gen<Document> hostile() {
        return valid().zip(Generate.enumValues(Mutation.class), longs().all(), (doc, first, seed) -> {
            Random r = new Random(seed);
            Document d = mutate(doc, first, r);
            // a huge document is broken once: the text mutations scan the whole text
            while (d.bytes().length < 200_000 && r.nextInt(4) == 0) {
                d = mutate(d, Mutation.values()[r.nextInt(Mutation.values().length)], r);
            }
            return d;
        }).describedAs(Document::toString);
    }

    static String toJson(String yaml) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- mutations ----

    static Document mutate(Document d, Mutation m, Random r) {
        String text = d.text();
        boolean json = d.json();
        String how = d.how() + " + " + m.name().toLowerCase(Locale.ROOT);
        switch (m) {
            case NONE:
                return new Document(d.how(), d.bytes(), json);
            case VALUE:
                return doc(how, replaceValue(text, json, r), json);
            case KEY:
                return doc(how, renameKey(text, json, r), json);
            case DUPLICATE_KEY:
                return doc(how, duplicateKey(text, json, r), json);
            case ENUM:
                return doc(how, replaceEnum(text, r), json);
            case LINES:
                return doc(how, shuffleLines(text, r), json);
            case TRUNCATE: {
                int cut = r.nextInt(d.bytes().length + 1);
                return new Document(how + " at byte " + cut, java.util.Arrays.copyOf(d.bytes(), cut), json);
            }
            case JUNK: {
                StringBuilder sb = new StringBuilder(text);
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    String junk = r.nextInt(5) == 0 ? String.valueOf((char) r.nextInt(0x3000)) : JUNK[r.nextInt(JUNK.length)];
                    sb.insert(r.nextInt(sb.length() + 1), junk);
                }
                return doc(how, sb.toString(), json);
            }
            case ENCODING:
                return encoding(how, text, json, r);
            case EMPTY:
                return doc(how, EMPTY[r.nextInt(EMPTY.length)], json && r.nextBoolean());
            case MULTI_DOC: {
                String[] forms = {text + "\n---\n" + text, "---\n" + text, text + "\n...\n", text + "\n---\n",
                    "%YAML 1.1\n---\n" + text, text + "\n---\n# a comment\n", text + "\n" + text};
                return doc(how, forms[r.nextInt(forms.length)], json);
            }
            case ALIASES:
                return doc(how, aliases(text, r), json);
            case ALIAS_BOMB:
                return doc(how, aliasBomb(text, r), json);
            case MANY_EVENTS:
                return manyEvents(how, text, json, r);
            case NESTING:
                return doc(how, nest(text, json, r), json);
            case HUGE:
                return huge(how, text, json, r);
            case TABS:
                return doc(how, tabs(text, r), json);
            case LINE_ENDINGS: {
                String[] ends = {"\r\n", "\r", "\u0085", "\u2028", "\n\n", "\n \n"};
                String end = ends[r.nextInt(ends.length)];
                return doc(how + " " + end.chars().mapToObj(c -> String.format("U+%04X", c)).toList(),
                        r.nextBoolean() ? text.replace("\n", end) : mixEnds(text, end, r), json);
            }
            case JSON:
                return json(how, text, json, r);
            case SECTION_TYPE:
                return doc(how, sectionType(text, json, r), json);
            case UNCERTAINTY:
                return doc(how, uncertainty(text, json, r), json);
            default:
                throw new IllegalStateException(m.name());
        }
    }

    /** Paths for an uncertainty: section: valid for most scenarios, near misses, aliases and nonsense. */
    private static final String[] UNCERTAIN_PATHS = {
        "adversary.capacity", "adversary.returnTicket.finance", "adversary.strain.budget", "factions.hardliners.influence",
        "adversary.factions.pragmatists.influence", "costs.proxy.human", "events[0].severity", "events[1].severity",
        "events[0].magnitude", "events[99].severity", "events[-1].severity", "humiliation.weight.capital",
        "calibration.responseWindowDays", "responseWindowDays", "longWar.signals", "risk.elevated", "risk.high",
        "threat.decay", "humiliation.halfLifeDays", "adversary.capacty", "capacity", "factions..influence", "", "\"\"",
        "calibration.", "returnTicket.weight.finance", "'a: b'", "events[0]", "events[0.5].severity",
    };

    /** Distributions: valid, wrong shapes, wrong counts, out of range, unknown names. */
    private static final String[] DISTRIBUTIONS = {
        "{uniform: [0.2, 0.8]}", "{uniform: [0.8, 0.2]}", "{uniform: [0.5, 0.5]}", "{uniform: [0, 1]}", "{uniform: [-1, 2]}",
        "{uniform: [0.2]}", "{uniform: []}", "{uniform: 0.5}", "{uniform: [a, b]}", "{uniform: [.nan, 1]}",
        "{triangular: [0.1, 0.3, 0.9]}", "{triangular: [0.1, 0.95, 0.9]}", "{triangular: [0.1, 0.2]}",
        "{normal: [0.5, 0.1]}", "{normal: [0.5, 0]}", "{normal: [0.5, -1]}", "{normal: [5, 1]}", "{normal: [0.5, 1e300]}",
        "{normal: [1e-300, 1e-300]}", "{choice: [1, 2, 3]}", "{choice: []}", "{choice: [0.5]}", "{choice: [21, 30, 45]}",
        "{choice: [0, 1.5]}", "{beta: [1, 2]}", "{Uniform: [0, 1]}", "{}", "{uniform: [0, 1], normal: [0, 1]}", "0.5", "[0.2, 0.8]",
        "~", "{uniform: [1e-320, 4.9e-324]}", "{normal: [0.99999, 1e-9]}", "{choice: [1e308, -1e308]}",
    };

    /** An uncertainty: section of one to four entries (valid or not) added at the end of the document. */
    private static String uncertainty(String text, boolean json, Random r) {
        int n = 1 + r.nextInt(4);
        StringBuilder yaml = new StringBuilder("\nuncertainty:\n");
        StringBuilder js = new StringBuilder(", \"uncertainty\": {");
        for (int i = 0; i < n; i++) {
            String path = UNCERTAIN_PATHS[r.nextInt(UNCERTAIN_PATHS.length)];
            String dist = DISTRIBUTIONS[r.nextInt(DISTRIBUTIONS.length)];
            yaml.append("  ").append(path.isEmpty() ? "''" : path).append(": ").append(dist).append('\n');
            js.append(i == 0 ? "" : ", ").append('"').append(path.replace("\"", "")).append("\": ")
                    .append(toJsonValue(dist));
        }
        if (!json) {
            return text + yaml;
        }
        int close = text.lastIndexOf('}');
        return close < 0 ? text : text.substring(0, close) + js + "}" + text.substring(close);
    }

    private static String toJsonValue(String yamlFlow) {
        try {
            return JSON.writeValueAsString(YAML.readTree(yamlFlow));
        } catch (IOException e) {
            return "\"" + yamlFlow + "\"";
        }
    }

    private static Document doc(String how, String text, boolean json) {
        return new Document(how, text.getBytes(StandardCharsets.UTF_8), json);
    }

    private static String replaceValue(String text, boolean json, Random r) {
        Matcher m = (json ? JSON_VALUE : YAML_VALUE).matcher(text);
        List<int[]> spots = new ArrayList<>();
        while (m.find()) {
            spots.add(new int[] {m.start(3), m.end(3)});
        }
        if (spots.isEmpty()) {
            return text;
        }
        int[] s = spots.get(r.nextInt(spots.size()));
        String value;
        if (r.nextInt(10) == 0) {
            String long_ = "x".repeat(1 + r.nextInt(r.nextBoolean() ? 200 : 20_000));
            value = json ? '"' + long_ + '"' : long_;
        } else {
            value = json ? JSON_VALUES[r.nextInt(JSON_VALUES.length)] : VALUES[r.nextInt(VALUES.length)];
        }
        return text.substring(0, s[0]) + value + text.substring(s[1]);
    }

    private static String renameKey(String text, boolean json, Random r) {
        Matcher m = (json ? JSON_VALUE : YAML_VALUE).matcher(text);
        List<int[]> spots = new ArrayList<>();
        while (m.find()) {
            spots.add(new int[] {m.start(1), m.end(1)});
        }
        if (spots.isEmpty()) {
            return text;
        }
        int[] s = spots.get(r.nextInt(spots.size()));
        String key = text.substring(s[0], s[1]);
        String bare = json ? key.substring(1, key.length() - 1) : key;
        String renamed = switch (r.nextInt(8)) {
            case 0 -> bare.length() > 1 ? bare.substring(0, bare.length() - 1) : bare + "x";
            case 1 -> bare.toUpperCase(Locale.ROOT);
            case 2 -> bare + "s";
            case 3 -> "foo";
            case 4 -> "<<";
            case 5 -> "k".repeat(1 + r.nextInt(5000));
            case 6 -> bare.toLowerCase(Locale.ROOT);
            default -> "Name";
        };
        return text.substring(0, s[0]) + (json ? '"' + renamed + '"' : renamed) + text.substring(s[1]);
    }

    private static String duplicateKey(String text, boolean json, Random r) {
        Matcher m = (json ? JSON_VALUE : YAML_VALUE).matcher(text);
        List<MatchSpot> spots = new ArrayList<>();
        while (m.find()) {
            spots.add(new MatchSpot(m.start(), m.end(), m.group(1), m.group(3)));
        }
        if (spots.isEmpty()) {
            return text;
        }
        MatchSpot s = spots.get(r.nextInt(spots.size()));
        String value = r.nextBoolean() ? s.value() : (json ? "0.5" : "0.25");
        char next = s.end() < text.length() ? text.charAt(s.end()) : '\n';
        String insert;
        if (json || next == ',' || next == '}' || next == ' ') {
            insert = ", " + s.key() + ": " + value;
        } else {
            int lineStart = text.lastIndexOf('\n', s.start()) + 1;
            String indent = text.substring(lineStart, s.start()).replaceAll("[^ ]", " ");
            insert = "\n" + indent + s.key() + ": " + value;
        }
        return text.substring(0, s.end()) + insert + text.substring(s.end());
    }

    private record MatchSpot(int start, int end, String key, String value) {
    }

    private static String replaceEnum(String text, Random r) {
        Matcher m = ENUM_WORD.matcher(text);
        List<int[]> spots = new ArrayList<>();
        while (m.find()) {
            spots.add(new int[] {m.start(), m.end()});
        }
        if (spots.isEmpty()) {
            return text;
        }
        int[] s = spots.get(r.nextInt(spots.size()));
        String word = text.substring(s[0], s[1]);
        String[] others = {"STRIKE", "THREAT", "PROXY", "OBSERVER", "CAPITAL", "DEEP", "HARDLINE", "SANCTIONS", "REARMAMENT", "DEEPEN"};
        String replaced = switch (r.nextInt(6)) {
            case 0 -> word.toLowerCase(Locale.ROOT);
            case 1 -> word.substring(0, word.length() - 1);
            case 2 -> others[r.nextInt(others.length)];
            case 3 -> word + "_X";
            case 4 -> " " + word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT) + " ";
            default -> "UNKNOWN";
        };
        return text.substring(0, s[0]) + replaced + text.substring(s[1]);
    }

    private static String shuffleLines(String text, Random r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.isEmpty()) {
            return text;
        }
        int i = r.nextInt(lines.size());
        switch (r.nextInt(3)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            default -> {
                int j = r.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
        }
        return String.join("\n", lines);
    }

    private static Document encoding(String how, String text, boolean json, Random r) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        switch (r.nextInt(7)) {
            case 0:
                return new Document(how + " BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8), json);
            case 1:
                return new Document(how + " UTF-16LE", text.getBytes(StandardCharsets.UTF_16LE), json);
            case 2:
                return new Document(how + " UTF-16 with BOM", text.getBytes(StandardCharsets.UTF_16), json);
            case 3:
                return new Document(how + " Latin-1", ("# café\n" + text.replace("name: ", "name: é")).getBytes(StandardCharsets.ISO_8859_1), json);
            case 4: {
                byte[] b = utf8.clone();
                if (b.length > 0) {
                    b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80));
                }
                return new Document(how + " a stray byte", b, json);
            }
            case 5: {
                byte[] b = new byte[r.nextInt(4096)];
                r.nextBytes(b);
                return new Document(how + " binary junk", b, json);
            }
            default: {
                byte[] b = concat(utf8, "# ✓".getBytes(StandardCharsets.UTF_8));
                return new Document(how + " cut inside a character", java.util.Arrays.copyOf(b, b.length - 1), json);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static String aliases(String text, Random r) {
        Matcher m = EVENT_LINE.matcher(text);
        if (m.find() && r.nextBoolean()) {
            String indent = m.group(1);
            StringBuilder sb = new StringBuilder(text.substring(0, m.start()));
            sb.append(indent).append("- &ev ").append(m.group(2)).append('\n');
            int n = r.nextInt(ScenarioReader.MAX_ALIASES + 10);
            for (int i = 0; i < n; i++) {
                sb.append(indent).append("- *ev\n");
            }
            String rest = text.substring(m.end());
            sb.append(rest.startsWith("\n") ? rest.substring(1) : rest);
            return sb.toString();
        }
        // an anchored single value, used elsewhere
        Matcher v = YAML_VALUE.matcher(text);
        List<int[]> spots = new ArrayList<>();
        while (v.find()) {
            spots.add(new int[] {v.start(3), v.end(3)});
        }
        if (spots.size() < 2) {
            return text;
        }
        int[] a = spots.get(r.nextInt(spots.size()));
        int[] b = spots.get(r.nextInt(spots.size()));
        String name = r.nextInt(10) == 0 ? "missing" : "v";
        if (a[0] == b[0]) {
            return text;
        }
        int[] first = a[0] < b[0] ? a : b;
        int[] second = a[0] < b[0] ? b : a;
        if (r.nextInt(5) == 0) {
            int[] t = first;
            first = second;
            second = t;
        }
        StringBuilder sb = new StringBuilder(text);
        if (first[0] > second[0]) {
            sb.replace(first[0], first[1], "*" + name);
            sb.insert(second[0], "&v ");
        } else {
            sb.replace(second[0], second[1], "*" + name);
            sb.insert(first[0], "&v ");
        }
        return sb.toString();
    }

    private static String aliasBomb(String text, Random r) {
        int levels = 2 + r.nextInt(9);
        StringBuilder bomb = new StringBuilder();
        String key = new String[] {"lol", "events", "calibration", "observer", "adversary"}[r.nextInt(5)];
        bomb.append("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < levels; i++) {
            bomb.append('l').append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            bomb.append("]\n");
        }
        String use = key + ": *l" + (levels - 1) + "\n";
        return switch (r.nextInt(3)) {
            case 0 -> bomb + text;
            case 1 -> text.replaceFirst("(?m)^" + key + ":.*$", java.util.regex.Matcher.quoteReplacement(bomb + use.strip()));
            default -> "x: " + bomb.toString().replace("\n", "\n  ").replace("l0: ", "\n  l0: ") + "\n" + text;
        };
    }

    private static Document manyEvents(String how, String text, boolean json, Random r) {
        int roll = r.nextInt(100);
        int n = roll < 90 ? 1 + r.nextInt(500) : roll < 98 ? 500 + r.nextInt(2500) : ScenarioReader.MAX_EVENTS + 1;
        if (n > ScenarioReader.MAX_EVENTS || r.nextInt(3) == 0) {
            // compact JSON, the only form in which this many events fit the file size limit
            StringBuilder sb = new StringBuilder("{\"name\": \"many\", \"asOf\": \"2026-11-24\", \"events\": [");
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : ",").append("{\"day\":\"2026-").append(String.format("%02d-%02d", 1 + i % 12, 1 + i % 28))
                        .append("\",\"type\":\"").append(i % 3 == 0 ? "THREAT" : i % 3 == 1 ? "PRESSURE" : "RETALIATION").append("\"}");
            }
            sb.append("]}");
            return doc(how + " " + n + " events, compact JSON", sb.toString(), r.nextBoolean());
        }
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < n; i++) {
            events.append("  - {day: 2026-").append(String.format("%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)))
                    .append(", type: STRIKE, target: DEEP, severity: 0.").append(r.nextInt(10)).append("}\n");
        }
        String out = json ? text : text.replaceFirst("(?m)^events: \\[\\]\\s*$", "events:")
                .replaceFirst("(?m)^events:\\s*$", java.util.regex.Matcher.quoteReplacement("events:\n" + events));
        return doc(how + " " + n + " events", out, json);
    }

    private static String nest(String text, boolean json, Random r) {
        Matcher m = (json ? JSON_VALUE : YAML_VALUE).matcher(text);
        List<int[]> spots = new ArrayList<>();
        while (m.find()) {
            spots.add(new int[] {m.start(3), m.end(3)});
        }
        if (spots.isEmpty()) {
            return text;
        }
        int[] s = spots.get(r.nextInt(spots.size()));
        int depth = 1 + r.nextInt(r.nextBoolean() ? 30 : 3000);
        boolean lists = r.nextBoolean();
        String open = lists ? "[" : (json ? "{\"a\": " : "{a: ");
        String close = lists ? "]" : "}";
        return text.substring(0, s[0]) + open.repeat(depth) + text.substring(s[0], s[1]) + close.repeat(depth)
                + text.substring(s[1]);
    }

    private static Document huge(String how, String text, boolean json, Random r) {
        int size = r.nextInt(10) == 0 ? ScenarioReader.MAX_BYTES - 1000 + r.nextInt(2000) : r.nextInt(100_000);
        String filler = "x".repeat(size);
        String out = switch (r.nextInt(4)) {
            case 0 -> json ? text.replaceFirst("\"name\"\\s*:\\s*\"[^\"]*\"", "\"name\": \"" + filler + "\"")
                    : text.replaceFirst("(?m)^name:.*$", "name: " + filler);
            case 1 -> json ? text : text + "\n# " + filler + "\n";
            case 2 -> {
                StringBuilder sb = new StringBuilder(text);
                for (int i = 0; i < size / 20; i++) {
                    sb.append(json ? "" : "k" + i + ": 1\n");
                }
                yield sb.toString();
            }
            default -> json ? text : text + "\n" + " ".repeat(size) + "\n";
        };
        return doc(how + " " + size, out, json);
    }

    private static String tabs(String text, Random r) {
        String[] lines = text.split("\n", -1);
        int i = r.nextInt(lines.length);
        lines[i] = switch (r.nextInt(3)) {
            case 0 -> lines[i].replaceFirst("^ +", "\t");
            case 1 -> lines[i].replace(": ", ":\t");
            default -> lines[i].replace(", ", ",\t");
        };
        return String.join("\n", lines);
    }

    private static String mixEnds(String text, String end, Random r) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(c == '\n' && r.nextBoolean() ? end : String.valueOf(c));
        }
        return sb.toString();
    }

    private static Document json(String how, String text, boolean json, Random r) {
        String j;
        try {
            j = json ? text : toJson(text);
        } catch (UncheckedIOException e) {
            return doc(how + " (no JSON form)", text, true);
        }
        String out = switch (r.nextInt(9)) {
            case 0 -> j;
            case 1 -> j.replaceFirst("\\}\\s*$", ",}");
            case 2 -> "// a comment\n" + j;
            case 3 -> j.replace('"', '\'');
            case 4 -> j.replaceFirst("\"name\"", "name");
            case 5 -> j.replaceFirst("\\{", "{\"name\": \"twice\", ");
            case 6 -> j.replaceFirst("\\]", ",]");
            case 7 -> j.replace("\n", "");
            default -> j + j;
        };
        return doc(how, out, r.nextInt(4) != 0);
    }

    private static String sectionType(String text, boolean json, Random r) {
        String[] values = {"5", "[]", "{}", "[1, 2]", "\"text\"", "null", "true", "[[]]", "[{}]"};
        String v = values[r.nextInt(values.length)];
        if (json) {
            return text.replaceFirst("(\"(adversary|observer|costs|events|calibration|returnTicket|strain|factions|signals)\"\\s*:\\s*)",
                    "$1" + v + ", \"_x\": ");
        }
        Matcher m = TOP_KEY.matcher(text);
        List<int[]> spots = new ArrayList<>();
        while (m.find()) {
            spots.add(new int[] {m.start(), m.end()});
        }
        if (spots.isEmpty()) {
            return text;
        }
        int[] s = spots.get(r.nextInt(spots.size()));
        String line = text.substring(s[0], s[1]);
        String key = line.substring(0, line.indexOf(':'));
        int end = s[1];
        // the section's indented block goes with it
        while (end < text.length() - 1 && text.charAt(end) == '\n' && (text.charAt(end + 1) == ' ' || text.charAt(end + 1) == '\t')) {
            int next = text.indexOf('\n', end + 1);
            end = next < 0 ? text.length() : next;
        }
        return text.substring(0, s[0]) + key + ": " + v + text.substring(end);
    }
}
