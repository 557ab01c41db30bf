package org.threshold.scenario;

import static org.threshold.scenario.MessageText.shown;
import static org.threshold.scenario.ScenarioReader.MAX_ALIASES;
import static org.threshold.scenario.ScenarioReader.MAX_BYTES;
import static org.threshold.scenario.ScenarioReader.MAX_DEPTH;
import static org.threshold.scenario.ScenarioReader.MAX_EVENTS;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.threshold.InvalidScenarioException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML or JSON document into a tree of {@link Node}s that keep the line and column each
 * value was read from. It knows nothing of scenarios: duplicate keys, aliases and the size,
 * nesting and alias limits of {@link ScenarioReader} are its business; what the keys mean is
 * {@link ScenarioBinder}'s. One parser reads one document.
 */
final class DocumentParser {

    private final String source;
    private final Map<String, Node> anchors = new HashMap<>();
    /** Anchors on single values by their place (line, column), which the JSON-style parser does not report. */
    private Map<Long, String> scalarAnchors = Map.of();
    private int aliases;

    /** A parser for one document, naming it {@code source} in messages. */
    DocumentParser(String source) {
        this.source = source;
    }

    private String decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw error(0, 0, "the document has " + bytes.length + " bytes, more than the limit of " + MAX_BYTES);
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
            throw error(0, 0, "the file is not UTF-8 text; expected a YAML or JSON scenario");
        }
    }

    /**
     * The document in {@code bytes} as a tree, JSON where {@code json} is set, YAML otherwise.
     *
     * @throws InvalidScenarioException for text that is not UTF-8, not one document, or past a limit
     */
    Node parse(byte[] bytes, boolean json) {
        String text = decode(bytes);
        if (text.isBlank()) {
            throw error(0, 0, "the file is empty; expected a scenario with at least 'name' and 'asOf'");
        }
        return parse(text, json);
    }

    private Node parse(String text, boolean json) {
        if (text.indexOf('\0') >= 0) {
            throw error(0, 0, "the file holds binary data (a NUL character); expected a YAML or JSON scenario");
        }
        JsonFactory factory = json ? jsonFactory() : yamlFactory();
        if (!json && text.indexOf('&') >= 0) {
            scalarAnchors = scalarAnchors(text);
        }
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw error(0, 0, "the file holds no document; expected a scenario with at least 'name' and 'asOf'");
            }
            Node root = node(p, first, 0);
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw error(loc.getLineNr(), loc.getColumnNr(),
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
            throw error(loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "not valid " + (json ? "JSON" : "YAML") + ": " + oneLine(message));
        } catch (IOException e) {
            throw error(0, 0, "cannot parse the file (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            if (e instanceof InvalidScenarioException ise) {
                throw ise;
            }
            // the YAML library signals its own limits (aliases, nesting, size) with unchecked exceptions
            throw error(0, 0, "not valid YAML: " + oneLine(String.valueOf(e.getMessage())));
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
        options.setMaxAliasesForCollections(MAX_ALIASES);
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
            throw error(line, column, "the document nests deeper than " + MAX_DEPTH + " levels; a scenario needs at most 4");
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
            throw error(line, column, "more than " + MAX_ALIASES + " YAML aliases (*name), the limit. "
                    + "Maybe write the values out.");
        }
        Node target = anchors.get(name);
        if (target == null) {
            throw error(line, column, "the alias '*" + shown(name) + "' refers to no value anchored (&"
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
                        throw error(line, column, "the mapping that starts here is not closed");
                    }
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    int[] place = {kl.getLineNr(), kl.getColumnNr()};
                    Node value = node(p, p.nextToken(), depth + 1);
                    if (entries.containsKey(key)) {
                        int[] first = places.get(key);
                        throw error(place[0], place[1], "duplicate key '" + shown(key) + "' (first given at line "
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
                        throw error(line, column, "the list that starts here is not closed");
                    }
                    items.add(node(p, t, depth + 1));
                    if (items.size() > MAX_EVENTS) {
                        throw error(line, column, "the list has more than " + MAX_EVENTS + " items, the limit");
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
                throw error(line, column, "unexpected " + token + " in the document");
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

    private InvalidScenarioException error(int line, int column, String problem) {
        return new InvalidScenarioException(source, line, column, null, problem);
    }
}
