package org.threshold.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.threshold.Calibration;
import org.threshold.InvalidScenarioException;
import org.threshold.Policy;
import org.threshold.Scenario;
import org.threshold.Suggestions;
import org.threshold.fact.Event;
import org.threshold.fact.Faction;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Retaliation;
import org.threshold.fact.ReturnTicket;
import org.threshold.fact.Signal;
import org.threshold.fact.Source;
import org.threshold.fact.Stance;
import org.threshold.fact.Strain;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads scenario files (YAML, or JSON) in the format of INTERFACES.md, strictly: unknown keys
 * (with the nearest valid key suggested), duplicate keys, wrong types, scores outside [0, 1], NaN
 * and infinities, non-positive windows and impossible dates are errors. Every error is one
 * {@link InvalidScenarioException} naming the file, the line and column, the field, and what was
 * expected.
 *
 * <p>Limits: a file of at most {@value #MAX_BYTES} bytes, at most {@value #MAX_EVENTS} events,
 * nesting at most {@value #MAX_DEPTH} deep, at most {@value #MAX_ALIASES} YAML aliases. An alias
 * ({@code *name}) stands for the value anchored before it ({@code &name}), as YAML defines; the
 * value is shared, never copied, so an alias bomb costs nothing to read.
 */
public final class ScenarioReader {

    /** The largest file read, in bytes. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** The most events a scenario may hold. */
    public static final int MAX_EVENTS = 100_000;
    /** The deepest nesting of mappings and lists. */
    public static final int MAX_DEPTH = 20;
    /** The most YAML aliases ({@code *name}) a file may use. */
    public static final int MAX_ALIASES = 50;
    /** Values longer than this are shortened in messages. */
    private static final int SHOWN_LENGTH = 60;

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final List<String> TOP_KEYS = List.of("name", "asOf", "adversary", "observer", "costs", "events", "calibration", "policy");
    private static final List<String> ADVERSARY_KEYS = List.of("capacity", "returnTicket", "factions", "strain");
    private static final List<String> RETURN_TICKET_KEYS = List.of("finance", "recognition", "eliteAspiration", "negotiability");
    private static final List<String> FACTION_KEYS = List.of("name", "stance", "influence");
    private static final List<String> STRAIN_KEYS = List.of("budget", "legitimacy", "recruitment", "eliteCohesion");
    private static final List<String> OBSERVER_KEYS = List.of("signals");
    private static final List<String> COST_PARTIES = List.of("observer", "proxy");
    private static final List<String> COST_KEYS = List.of("human");
    private static final List<String> POLICY_KEYS = List.of("press", "hold", "contain");
    private static final List<String> PRESS_KEYS = List.of("strikeEveryDays", "by", "target", "severity");
    private static final List<String> HOLD_KEYS = List.of("pressureEveryDays", "kind", "magnitude");
    private static final List<String> SOURCE_KEYS = List.of("dataset", "id", "url", "note");

    /** The event types of the file format and the keys each takes. */
    private enum EventType {
        STRIKE("day", "type", "by", "target", "severity", "source"),
        THREAT("day", "type", "severity", "source"),
        RETALIATION("day", "type", "severity", "source"),
        PRESSURE("day", "type", "kind", "magnitude", "source"),
        THRESHOLD_CROSSING("day", "type", "source");

        final List<String> keys;

        EventType(String... keys) {
            this.keys = List.of(keys);
        }
    }

    private final String source;
    private final Calibration base;
    private final Map<String, Node> anchors = new HashMap<>();
    /** Anchors on single values by their place (line, column), which the JSON-style parser does not report. */
    private Map<Long, String> scalarAnchors = Map.of();
    private int aliases;

    private ScenarioReader(String source, Map<String, Double> packKeys) {
        this.source = source;
        this.base = Calibration.defaults().declare(packKeys);
    }

    /**
     * Reads the scenario file at {@code file}: JSON where the name ends in {@code .json}, YAML
     * otherwise.
     *
     * @throws InvalidScenarioException for a missing, unreadable or wrong file
     */
    public static Scenario read(Path file) {
        return read(file, Map.of());
    }

    /**
     * Reads the scenario file at {@code file} as {@link #read(Path)} does, its {@code calibration:}
     * section also accepting the keys rule packs declare ({@code reasoner.calibrationKeys()}; see
     * {@link org.threshold.RulePack#calibration()}). Any other key is still an error, with the
     * nearest valid key suggested.
     *
     * @param packKeys the packs' calibration keys with their defaults
     * @throws InvalidScenarioException for a missing, unreadable or wrong file
     * @throws IllegalArgumentException where {@code packKeys} clash with the model's keys
     */
    public static Scenario read(Path file, Map<String, Double> packKeys) {
        String shown = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidScenarioException(shown, 0, 0, null, "is a folder, not a scenario file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidScenarioException(shown, 0, 0, null, "the file has " + size
                        + " bytes, more than the limit of " + MAX_BYTES + ". Maybe split the scenario.");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidScenarioException(shown, 0, 0, null, "no such file");
        } catch (IOException e) {
            throw new InvalidScenarioException(shown, 0, 0, null, "cannot read the file (" + e.getMessage() + ")");
        }
        boolean json = file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return read(shown, bytes, json, packKeys);
    }

    /**
     * Reads a scenario from {@code text}, YAML or JSON (JSON is YAML too), naming it
     * {@code source} in messages.
     */
    public static Scenario read(String source, String text) {
        return read(source, text, Map.of());
    }

    /** Reads a scenario from {@code text} as {@link #read(String, String)} does, accepting the packs' calibration keys. */
    public static Scenario read(String source, String text, Map<String, Double> packKeys) {
        return read(source, text.getBytes(StandardCharsets.UTF_8), false, packKeys);
    }

    private static Scenario read(String source, byte[] bytes, boolean json, Map<String, Double> packKeys) {
        ScenarioReader reader = new ScenarioReader(source, packKeys);
        String text = reader.decode(bytes);
        if (text.isBlank()) {
            throw reader.error(0, 0, null, "the file is empty; expected a scenario with at least 'name' and 'asOf'");
        }
        Node root = reader.parse(text, json);
        return reader.scenario(root);
    }

    private String decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw error(0, 0, null, "the document has " + bytes.length + " bytes, more than the limit of " + MAX_BYTES);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            // a byte order mark, as some editors write it, is not part of the document
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw error(0, 0, null, "the file is not UTF-8 text; expected a YAML or JSON scenario");
        }
    }

    // ---- parsing into a located tree ----

    private Node parse(String text, boolean json) {
        if (text.indexOf('\0') >= 0) {
            throw error(0, 0, null, "the file holds binary data (a NUL character); expected a YAML or JSON scenario");
        }
        JsonFactory factory = json ? jsonFactory() : yamlFactory();
        if (!json && text.indexOf('&') >= 0) {
            scalarAnchors = scalarAnchors(text);
        }
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw error(0, 0, null, "the file holds no document; expected a scenario with at least 'name' and 'asOf'");
            }
            Node root = node(p, first, 0);
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw error(loc.getLineNr(), loc.getColumnNr(), null,
                        "a second document follows the scenario; expected exactly one scenario per file");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String message = e.getOriginalMessage();
            int cut = message.indexOf("\n at [");
            if (cut > 0) {
                message = message.substring(0, cut);
            }
            throw error(loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), null,
                    "not valid " + (json ? "JSON" : "YAML") + ": " + oneLine(message));
        } catch (IOException e) {
            throw error(0, 0, null, "cannot parse the file (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            if (e instanceof InvalidScenarioException ise) {
                throw ise;
            }
            // the YAML library signals its own limits (aliases, nesting, size) with unchecked exceptions
            throw error(0, 0, null, "not valid YAML: " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static final java.util.regex.Pattern SNIPPET =
            java.util.regex.Pattern.compile("\\s*in '[^']*', line \\d+, column \\d+:?(\\n[^\\n]*\\n[^\\n]*\\^[^\\n]*)?");
    private static final java.util.regex.Pattern PARSER_EVENT =
            java.util.regex.Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event\\([^>]*\\)>");

    /**
     * The parser's message as one short line: without the quoted snippet and caret the YAML
     * library adds (the place is in the message already), and with its event names in words.
     */
    private static String oneLine(String message) {
        String m = SNIPPET.matcher(message).replaceAll("");
        java.util.regex.Matcher events = PARSER_EVENT.matcher(m);
        StringBuilder sb = new StringBuilder();
        while (events.find()) {
            String words = switch (events.group(1)) {
                case "SequenceStart" -> "a list";
                case "MappingStart" -> "a mapping";
                case "Alias" -> "an alias";
                default -> "something else";
            };
            events.appendReplacement(sb, words);
        }
        events.appendTail(sb);
        return shown(sb.toString().replaceAll("\\s*\\R\\s*", "; ").strip(), 300);
    }

    /** {@code text}, shortened to {@code max} characters with an ellipsis. */
    /** A value as a message shows it: on one line (line breaks and other control characters escaped), and cut when long. */
    static String shown(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return text.length() <= max ? sb.toString() : sb + "... (" + text.length() + " characters)";
    }

    static String shown(String text) {
        return shown(text, SHOWN_LENGTH);
    }

    /**
     * The anchors set on single values, by place. The YAML layer of Jackson reports the anchors of
     * mappings and lists but drops those of single values ({@code severity: &s 0.5}), so without
     * this an alias to one ({@code *s}) would read as the text {@code s}. Errors are left to the
     * main parse, which reports them with their place.
     */
    private static Map<Long, String> scalarAnchors(String text) {
        Map<Long, String> found = new HashMap<>();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES + 1);
        try {
            for (org.yaml.snakeyaml.events.Event e : new org.yaml.snakeyaml.Yaml(options).parse(new java.io.StringReader(text))) {
                if (e instanceof org.yaml.snakeyaml.events.ScalarEvent s && s.getAnchor() != null) {
                    found.put(place(s.getStartMark().getLine() + 1, s.getStartMark().getColumn() + 1), s.getAnchor());
                }
            }
        } catch (RuntimeException e) {
            // the main parse reports it
        }
        return found;
    }

    private static long place(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    private static JsonFactory jsonFactory() {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH * 2).build())
                .build();
        f.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return f;
    }

    private static JsonFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH * 2);
        options.setCodePointLimit(MAX_BYTES + 1);
        options.setAllowDuplicateKeys(true);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH * 2).build())
                .build();
    }

    private Node node(JsonParser p, JsonToken token, int depth) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int column = loc.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw error(line, column, null, "the document nests deeper than " + MAX_DEPTH + " levels; a scenario needs at most 4");
        }
        if (p instanceof YAMLParser yaml) {
            if (token == JsonToken.VALUE_STRING && yaml.isCurrentAlias()) {
                return alias(yaml.getText(), line, column);
            }
            String anchor = yaml.getCurrentAnchor();
            if (anchor == null && token.isScalarValue()) {
                anchor = scalarAnchors.get(place(line, column));
            }
            if (anchor != null) {
                Node value = value(p, token, line, column, depth);
                anchors.put(anchor, value);
                return value;
            }
        }
        return value(p, token, line, column, depth);
    }

    /** The value anchored as {@code name}, at the place of its alias where it is a single value. */
    private Node alias(String name, int line, int column) {
        if (++aliases > MAX_ALIASES) {
            throw error(line, column, null, "more than " + MAX_ALIASES + " YAML aliases (*name), the limit. "
                    + "Maybe write the values out.");
        }
        Node target = anchors.get(name);
        if (target == null) {
            throw error(line, column, null, "the alias '*" + shown(name) + "' refers to no value anchored (&"
                    + shown(name) + ") before it; expected an anchor on a value earlier in the file");
        }
        if (target instanceof Node.Scalar s) {
            return new Node.Scalar(line, column, s.kind(), s.text(), s.number());
        }
        return target;
    }

    private Node value(JsonParser p, JsonToken token, int line, int column, int depth) throws IOException {
        switch (token) {
            case START_OBJECT: {
                LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
                Map<String, int[]> places = new HashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    if (t == null) {
                        throw error(line, column, null, "the mapping that starts here is not closed");
                    }
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    int[] place = {kl.getLineNr(), kl.getColumnNr()};
                    Node value = node(p, p.nextToken(), depth + 1);
                    if (entries.containsKey(key)) {
                        int[] first = places.get(key);
                        throw error(place[0], place[1], null, "duplicate key '" + shown(key) + "' (first given at line "
                                + first[0] + "); each key may appear once. Maybe merge the two entries.");
                    }
                    entries.put(key, value);
                    places.put(key, place);
                }
                return new Node.MapNode(line, column, entries, places);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        throw error(line, column, null, "the list that starts here is not closed");
                    }
                    items.add(node(p, t, depth + 1));
                    if (items.size() > MAX_EVENTS) {
                        throw error(line, column, null, "the list has more than " + MAX_EVENTS + " items, the limit");
                    }
                }
                return new Node.ListNode(line, column, items);
            }
            case VALUE_STRING:
                return new Node.Scalar(line, column, Node.Scalar.Kind.STRING, p.getText(), Double.NaN);
            case VALUE_NUMBER_INT:
                return new Node.Scalar(line, column, Node.Scalar.Kind.INTEGER, p.getText(), p.getValueAsDouble());
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(line, column, Node.Scalar.Kind.FLOAT, p.getText(), floatValue(p));
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(line, column, Node.Scalar.Kind.BOOLEAN, p.getText(), Double.NaN);
            case VALUE_NULL:
                return new Node.Scalar(line, column, Node.Scalar.Kind.NULL, "null", Double.NaN);
            default:
                throw error(line, column, null, "unexpected " + token + " in the document");
        }
    }

    /** A float, where YAML's .nan and .inf spellings become NaN and infinities (to be refused with their place). */
    private static double floatValue(JsonParser p) throws IOException {
        String t = p.getText().trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case ".nan" -> Double.NaN;
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            default -> p.getValueAsDouble();
        };
    }

    // ---- reading the scenario ----

    private Scenario scenario(Node root) {
        Node.MapNode top = map(root, "", "the scenario: a mapping with at least 'name' and 'asOf'");
        checkKeys(top, "", TOP_KEYS, "top-level keys");
        String name = text(required(top, "", "name", "a scenario name"), "name");
        if (name.isBlank()) {
            Node n = top.entries().get("name");
            throw error(n.line(), n.column(), "name", "expected a non-blank scenario name");
        }
        LocalDate asOf = date(required(top, "", "asOf", "the ISO date of the assessment, like 2026-11-24"), "asOf");
        Scenario.Builder b = Scenario.builder(name, asOf);

        Node adversary = optionalSection(top, "adversary");
        if (adversary != null) {
            adversary(map(adversary, "adversary", "a mapping"), b);
        }
        Node observer = optionalSection(top, "observer");
        if (observer != null) {
            Node.MapNode o = map(observer, "observer", "a mapping");
            checkKeys(o, "observer", OBSERVER_KEYS, "keys of observer");
            Node signals = optionalSection(o, "signals");
            if (signals != null) {
                Node.ListNode list = list(signals, "observer.signals", "a list of signals");
                for (int i = 0; i < list.items().size(); i++) {
                    b.signal(enumValue(list.items().get(i), "observer.signals[" + i + "]", Signal.class));
                }
            }
        }
        Node costs = optionalSection(top, "costs");
        if (costs != null) {
            Node.MapNode c = map(costs, "costs", "a mapping of parties (observer, proxy) to costs");
            checkKeys(c, "costs", COST_PARTIES, "parties");
            for (String party : COST_PARTIES) {
                Node cost = optionalSection(c, party);
                if (cost != null) {
                    String path = "costs." + party;
                    Node.MapNode m = map(cost, path, "a mapping like {human: 0.9}");
                    checkKeys(m, path, COST_KEYS, "keys of a cost");
                    b.cost(Party.valueOf(party.toUpperCase(Locale.ROOT)), scoreOr0(m, path, "human"));
                }
            }
        }
        Node events = optionalSection(top, "events");
        if (events != null) {
            Node.ListNode list = list(events, "events", "a list of events");
            if (list.items().size() > MAX_EVENTS) {
                throw error(list.line(), list.column(), "events", "more than " + MAX_EVENTS + " events, the limit");
            }
            for (int i = 0; i < list.items().size(); i++) {
                b.event(event(list.items().get(i), "events[" + i + "]"));
            }
        }
        Node calibration = optionalSection(top, "calibration");
        if (calibration != null) {
            b.calibration(calibration(map(calibration, "calibration", "a mapping of calibration keys to numbers")));
        }
        Node policy = optionalSection(top, "policy");
        if (policy != null) {
            b.policy(policy(map(policy, "policy", "a mapping with press, hold and contain")));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw error(top.line(), top.column(), null, e.getMessage());
        }
    }

    private Policy policy(Node.MapNode m) {
        checkKeys(m, "policy", POLICY_KEYS, "parts of a policy");
        Policy.Press press = null;
        Node pressNode = optionalSection(m, "press");
        if (pressNode != null) {
            String path = "policy.press";
            Node.MapNode p = map(pressNode, path, "a mapping like {strikeEveryDays: 21, by: PROXY, target: DEEPEN, severity: 0.6}");
            checkKeys(p, path, PRESS_KEYS, "keys of policy.press");
            int every = days(required(p, path, "strikeEveryDays", "the days between two strikes while the posture is PRESS"),
                    path + ".strikeEveryDays");
            Party by = p.entries().containsKey("by") ? enumValue(p.entries().get("by"), path + ".by", Party.class) : Party.PROXY;
            Target target = null;
            Node t = p.entries().get("target");
            if (t != null && !(t instanceof Node.Scalar ts && ts.kind() == Node.Scalar.Kind.STRING
                    && ts.text().trim().equalsIgnoreCase("DEEPEN"))) {
                target = enumValue(t, path + ".target", Target.class);
            }
            required(p, path, "severity", "each strike's severity, a number in [0, 1]");
            press = new Policy.Press(every, by, target, score(p, path, "severity"));
        }
        Policy.Hold hold = null;
        Node holdNode = optionalSection(m, "hold");
        if (holdNode != null) {
            String path = "policy.hold";
            Node.MapNode h = map(holdNode, path, "a mapping like {pressureEveryDays: 30, kind: SANCTIONS, magnitude: 0.4}");
            checkKeys(h, path, HOLD_KEYS, "keys of policy.hold");
            int every = days(required(h, path, "pressureEveryDays", "the days between two pressure events while the posture is HOLD"),
                    path + ".pressureEveryDays");
            PressureKind kind = h.entries().containsKey("kind")
                    ? enumValue(h.entries().get("kind"), path + ".kind", PressureKind.class) : PressureKind.OTHER;
            required(h, path, "magnitude", "each pressure event's magnitude, a number in [0, 1]");
            hold = new Policy.Hold(every, kind, score(h, path, "magnitude"));
        }
        Node contain = m.entries().get("contain");
        if (contain != null && !(contain instanceof Node.Scalar cs && cs.kind() == Node.Scalar.Kind.NULL)
                && !(contain instanceof Node.MapNode cm && cm.entries().isEmpty())) {
            throw error(contain.line(), contain.column(), "policy.contain",
                    "while the posture is CONTAIN the observer does nothing; expected nothing or {}, got " + contain.describe());
        }
        return new Policy(press, hold);
    }

    private int days(Node node, String path) {
        double v = number(node, path, "a whole number of days > 0");
        if (v != Math.rint(v) || v < 1 || v > 36_500) {
            throw error(node.line(), node.column(), path, "expected a whole number of days from 1 to 36500, got "
                    + shown(((Node.Scalar) node).text()));
        }
        return (int) v;
    }

    private void adversary(Node.MapNode a, Scenario.Builder b) {
        checkKeys(a, "adversary", ADVERSARY_KEYS, "keys of adversary");
        if (a.entries().containsKey("capacity")) {
            b.capacity(score(a, "adversary", "capacity"));
        }
        Node rt = optionalSection(a, "returnTicket");
        if (rt != null) {
            Node.MapNode m = map(rt, "adversary.returnTicket", "a mapping of finance, recognition, eliteAspiration, negotiability");
            checkKeys(m, "adversary.returnTicket", RETURN_TICKET_KEYS, "parts of the return ticket");
            String path = "adversary.returnTicket";
            b.returnTicket(new ReturnTicket(scoreOr0(m, path, "finance"), scoreOr0(m, path, "recognition"),
                    scoreOr0(m, path, "eliteAspiration"), scoreOr0(m, path, "negotiability")));
        }
        Node factions = optionalSection(a, "factions");
        if (factions != null) {
            Node.ListNode list = list(factions, "adversary.factions", "a list of factions");
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < list.items().size(); i++) {
                String path = "adversary.factions[" + i + "]";
                Node.MapNode f = map(list.items().get(i), path, "a faction like {name: hardliners, stance: HARDLINE, influence: 0.35}");
                checkKeys(f, path, FACTION_KEYS, "keys of a faction");
                Node nameNode = required(f, path, "name", "the faction's name");
                String fname = text(nameNode, path + ".name");
                if (fname.isBlank()) {
                    throw error(nameNode.line(), nameNode.column(), path + ".name", "expected a non-blank faction name");
                }
                Integer before = seen.put(fname, i);
                if (before != null) {
                    throw error(nameNode.line(), nameNode.column(), path + ".name", "the faction name '" + shown(fname)
                            + "' is already used by adversary.factions[" + before + "]; each faction needs its own name");
                }
                Stance stance = enumValue(required(f, path, "stance", "HARDLINE or PRAGMATIC"), path + ".stance", Stance.class);
                b.faction(new Faction(fname, stance, scoreOr0(f, path, "influence")));
            }
        }
        Node strain = optionalSection(a, "strain");
        if (strain != null) {
            String path = "adversary.strain";
            Node.MapNode m = map(strain, path, "a mapping of budget, legitimacy, recruitment, eliteCohesion");
            checkKeys(m, path, STRAIN_KEYS, "parts of strain");
            b.strain(new Strain(scoreOr0(m, path, "budget"), scoreOr0(m, path, "legitimacy"),
                    scoreOr0(m, path, "recruitment"), scoreOr0(m, path, "eliteCohesion")));
        }
    }

    private Event event(Node node, String path) {
        Node.MapNode m = map(node, path, "an event like {day: 2026-11-23, type: STRIKE, by: PROXY, target: CAPITAL, severity: 0.6}");
        EventType type = enumValue(required(m, path, "type",
                "the event type: one of STRIKE, THREAT, RETALIATION, PRESSURE, THRESHOLD_CROSSING"), path + ".type", EventType.class);
        checkKeys(m, path, type.keys, "keys of a " + type + " event");
        LocalDate day = date(required(m, path, "day", "the ISO date of the event, like 2026-11-23"), path + ".day");
        Source source = source(optionalSection(m, "source"), path + ".source");
        return switch (type) {
            case STRIKE -> new Strike(day,
                    m.entries().containsKey("by") ? enumValue(m.entries().get("by"), path + ".by", Party.class) : Party.PROXY,
                    enumValue(required(m, path, "target", "FRONTLINE, INFRASTRUCTURE, DEEP or CAPITAL"), path + ".target", Target.class),
                    scoreOr0(m, path, "severity"), source);
            case THREAT -> new Threat(day, scoreOr0(m, path, "severity"), source);
            case RETALIATION -> new Retaliation(day, scoreOr0(m, path, "severity"), source);
            case PRESSURE -> new Pressure(day,
                    m.entries().containsKey("kind") ? enumValue(m.entries().get("kind"), path + ".kind", PressureKind.class) : PressureKind.OTHER,
                    scoreOr0(m, path, "magnitude"), source);
            case THRESHOLD_CROSSING -> new ThresholdCrossing(day, source);
        };
    }

    /** An event's provenance: any of dataset, id, url, note, as text; null where left out. */
    private Source source(Node node, String path) {
        if (node == null) {
            return null;
        }
        Node.MapNode m = map(node, path, "a mapping like {dataset: chronology, id: \"row 17\", url: \"https://...\"}");
        checkKeys(m, path, SOURCE_KEYS, "keys of a source");
        String[] parts = new String[SOURCE_KEYS.size()];
        for (int i = 0; i < parts.length; i++) {
            Node v = m.entries().get(SOURCE_KEYS.get(i));
            if (v instanceof Node.Scalar sc && sc.kind() != Node.Scalar.Kind.NULL && sc.kind() != Node.Scalar.Kind.BOOLEAN) {
                parts[i] = sc.text();
            } else if (v != null) {
                throw error(v.line(), v.column(), path + "." + SOURCE_KEYS.get(i), "expected a text value, got " + v.describe());
            }
        }
        try {
            return new Source(parts[0], parts[1], parts[2], parts[3]);
        } catch (IllegalArgumentException e) {
            throw error(m.line(), m.column(), path, "expected at least one of dataset, id, url, note with a non-blank value");
        }
    }

    private Calibration calibration(Node.MapNode m) {
        checkKeys(m, "calibration", List.copyOf(base.asMap().keySet()), "calibration keys");
        Map<String, Double> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            String key = e.getKey();
            String path = "calibration." + key;
            Node v = e.getValue();
            String expected = Calibration.isKey(key) ? Calibration.range(key).description() : Calibration.PACK_KEY_RANGE;
            double number = number(v, path, expected);
            try {
                base.with(key, number);
            } catch (IllegalArgumentException ex) {
                if (!Calibration.isKey(key) || ex.getMessage().startsWith("calibration key")) {
                    throw error(v.line(), v.column(), path, "expected " + expected + ", got " + v.describe());
                }
                // a combination check (risk bounds, weights) is judged on the whole section below
            }
            changes.put(key, number);
        }
        try {
            return base.with(changes);
        } catch (IllegalArgumentException ex) {
            throw error(m.line(), m.column(), "calibration", ex.getMessage());
        }
    }

    // ---- typed access with located errors ----

    private Node.MapNode map(Node node, String path, String expected) {
        if (node instanceof Node.MapNode m) {
            return m;
        }
        throw error(node.line(), node.column(), path, "expected " + expected + ", got " + node.describe());
    }

    private Node.ListNode list(Node node, String path, String expected) {
        if (node instanceof Node.ListNode l) {
            return l;
        }
        throw error(node.line(), node.column(), path, "expected " + expected + ", got " + node.describe());
    }

    private Node required(Node.MapNode m, String path, String key, String expected) {
        Node n = m.entries().get(key);
        if (n == null) {
            throw error(m.line(), m.column(), path, "missing required key '" + key + "': " + expected);
        }
        return n;
    }

    /** A section that may be left out; an explicitly empty one ({@code adversary:}) counts as left out. */
    private static Node optionalSection(Node.MapNode m, String key) {
        Node n = m.entries().get(key);
        if (n instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NULL) {
            return null;
        }
        return n;
    }

    private void checkKeys(Node.MapNode m, String path, List<String> valid, String what) {
        Set<String> validSet = new LinkedHashSet<>(valid);
        for (Map.Entry<String, int[]> e : m.keyPlaces().entrySet()) {
            String key = e.getKey();
            if (!validSet.contains(key)) {
                int[] place = e.getValue();
                String field = path.isEmpty() ? shown(key) : path + "." + shown(key);
                throw error(place[0], place[1], field, "unknown key '" + shown(key) + "'"
                        + (path.isEmpty() ? "" : " in " + path) + ". " + Suggestions.hint(shown(key), validSet, what));
            }
        }
    }

    private String text(Node node, String path) {
        if (node instanceof Node.Scalar s && s.kind() != Node.Scalar.Kind.NULL) {
            return s.text();
        }
        throw error(node.line(), node.column(), path, "expected a text value, got " + node.describe());
    }

    private LocalDate date(Node node, String path) {
        if (!(node instanceof Node.Scalar s) || s.kind() != Node.Scalar.Kind.STRING) {
            throw error(node.line(), node.column(), path, "expected an ISO date like 2026-11-24, got " + node.describe());
        }
        String t = s.text().trim();
        if (!t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw error(node.line(), node.column(), path, "expected an ISO date like 2026-11-24 (year-month-day), got '" + shown(t) + "'");
        }
        try {
            return LocalDate.parse(t, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw error(node.line(), node.column(), path, "'" + t + "' is not a date that exists; expected a real calendar day like 2026-11-24");
        }
    }

    private double number(Node node, String path, String expected) {
        if (node instanceof Node.Scalar s && (s.kind() == Node.Scalar.Kind.INTEGER || s.kind() == Node.Scalar.Kind.FLOAT)) {
            if (!Double.isFinite(s.number())) {
                throw error(node.line(), node.column(), path, "expected " + expected + ", got " + shown(s.text())
                        + " (NaN and infinities are not numbers here)");
            }
            return s.number() + 0.0; // -0.0 reads as 0.0, so equal files give equal scenarios
        }
        throw error(node.line(), node.column(), path, "expected " + expected + ", got " + node.describe());
    }

    private double score(Node.MapNode m, String path, String key) {
        Node n = m.entries().get(key);
        String field = path.isEmpty() ? key : path + "." + key;
        double v = number(n, field, "a score: a number in [0, 1]");
        if (v < 0.0 || v > 1.0) {
            throw error(n.line(), n.column(), field, "expected a score: a number in [0, 1], got " + shown(((Node.Scalar) n).text()));
        }
        return v;
    }

    /** A score that may be left out, and then counts 0. */
    private double scoreOr0(Node.MapNode m, String path, String key) {
        return m.entries().containsKey(key) ? score(m, path, key) : 0.0;
    }

    private <E extends Enum<E>> E enumValue(Node node, String path, Class<E> type) {
        Set<String> names = new LinkedHashSet<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        if (!(node instanceof Node.Scalar s) || s.kind() != Node.Scalar.Kind.STRING) {
            throw error(node.line(), node.column(), path, "expected one of " + String.join(", ", names) + ", got " + node.describe());
        }
        String t = s.text().trim().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(t)) {
                return e;
            }
        }
        throw error(node.line(), node.column(), path, "unknown value '" + shown(s.text()) + "'; expected one of "
                + String.join(", ", names) + ". " + Suggestions.hint(shown(t), names, "values"));
    }

    private InvalidScenarioException error(int line, int column, String field, String problem) {
        return new InvalidScenarioException(source, line, column, field, problem);
    }

    /** The keys a scenario file accepts at each place, for documentation and tests. */
    public static Map<String, List<String>> keys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("", TOP_KEYS);
        keys.put("adversary", ADVERSARY_KEYS);
        keys.put("adversary.returnTicket", RETURN_TICKET_KEYS);
        keys.put("adversary.factions[]", FACTION_KEYS);
        keys.put("adversary.strain", STRAIN_KEYS);
        keys.put("observer", OBSERVER_KEYS);
        keys.put("costs", COST_PARTIES);
        keys.put("costs.*", COST_KEYS);
        Map<EventType, List<String>> byType = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            byType.put(t, t.keys);
        }
        byType.forEach((t, k) -> keys.put("events[] of type " + t, k));
        keys.put("calibration", List.copyOf(Calibration.keys()));
        keys.put("policy", POLICY_KEYS);
        keys.put("policy.press", PRESS_KEYS);
        keys.put("policy.hold", HOLD_KEYS);
        keys.put("events[].source", SOURCE_KEYS);
        return keys;
    }
}
