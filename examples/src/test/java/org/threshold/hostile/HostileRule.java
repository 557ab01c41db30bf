package org.threshold.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.threshold.InvalidScenarioException;
import org.threshold.Scenario;
import org.threshold.scenario.ScenarioReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The rule every input must keep: a valid scenario, or one precise {@link InvalidScenarioException}
 * (exit code 2 from the command); never another exception, never a lost or invented event.
 */
final class HostileRule {

    /** How many examples a fuzz property tries; {@code -Pfuzz} raises it. */
    static final int EXAMPLES = Integer.getInteger("threshold.fuzz.examples", 300);

    /** Problems with the whole file, which have neither a line nor a field. */
    private static final Pattern WHOLE_FILE = Pattern.compile(
            "(the file is empty|the file is not UTF-8 text|the file holds binary data|the file holds no document"
                    + "|the (file|document) has \\d+ bytes, more than the limit).*");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, LongAdder> TALLY = new ConcurrentHashMap<>();

    private HostileRule() {
    }

    /** Writes the document to a file named {@code fuzz-N.yaml} or {@code .json} in {@code dir}. */
    static Path write(Path dir, HostileDocuments.Document d, int n) throws IOException {
        Path file = dir.resolve("fuzz-" + n + (d.json() ? ".json" : ".yaml"));
        Files.write(file, d.bytes());
        return file;
    }

    /** Reads the file; returns the scenario where it is accepted (after checking its events), null where it is refused. */
    static Scenario read(Path file, HostileDocuments.Document d) {
        Scenario s;
        try {
            s = ScenarioReader.read(file);
        } catch (InvalidScenarioException e) {
            checkRefusal(file.toString(), e);
            count(d, "refused");
            return null;
        }
        checkCounts(d, s);
        count(d, "accepted");
        return s;
    }

    static void checkRefusal(String source, InvalidScenarioException e) {
        String m = e.getMessage();
        assertThat(m).as("the message names the file").startsWith(source + ":");
        assertThat(m).as("one line").doesNotContain("\n").doesNotContain("\r");
        assertThat(m).as("no internals").doesNotContain("Exception").doesNotContain("org.yaml")
                .doesNotContain("com.fasterxml").doesNotContain("\tat ");
        // bounded whatever the input: long values are shortened; the longest is the list of every calibration key
        assertThat(m.length()).as("a bounded length: " + m).isLessThan(1500);
        if (e.line().isEmpty() && e.field().isEmpty()) {
            assertThat(m.substring(source.length() + 2)).as("a problem of the whole file, or one with a place").matches(WHOLE_FILE);
        }
    }

    /** The scenario holds exactly the events and factions the document lists, counted by a plain parser. */
    static void checkCounts(HostileDocuments.Document d, Scenario s) {
        int[] counted = d.json() ? countJson(d.bytes()) : countYaml(d.bytes());
        assertThat(s.events()).as("events read, against the document's list").hasSize(counted[0]);
        assertThat(s.factions()).as("factions read, against the document's list").hasSize(counted[1]);
    }

    private static int[] countJson(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(decode(bytes));
            JsonNode events = root.path("events");
            JsonNode factions = root.path("adversary").path("factions");
            return new int[] {events.isArray() ? events.size() : 0, factions.isArray() ? factions.size() : 0};
        } catch (IOException e) {
            return fail("the reader accepted JSON that a plain JSON parser refuses: " + e.getMessage());
        }
    }

    private static int[] countYaml(byte[] bytes) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setAllowDuplicateKeys(true);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(decode(bytes)));
        } catch (RuntimeException e) {
            return fail("the reader accepted YAML that a plain YAML parser refuses: " + e.getMessage());
        }
        Node events = child(root, "events");
        Node factions = child(child(root, "adversary"), "factions");
        return new int[] {events instanceof SequenceNode l ? l.getValue().size() : 0,
            factions instanceof SequenceNode f ? f.getValue().size() : 0};
    }

    private static Node child(Node map, String key) {
        if (map instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    private static String decode(byte[] bytes) {
        try {
            String t = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return t.startsWith("\uFEFF") ? t.substring(1) : t;
        } catch (CharacterCodingException e) {
            return fail("the reader accepted a file that is not UTF-8");
        }
    }

    private static void count(HostileDocuments.Document d, String verdict) {
        StringBuilder how = new StringBuilder();
        for (String step : d.how().split(" \\+ ")) {
            how.append(how.length() == 0 ? "" : " + ").append(step.split(" ")[0]);
        }
        TALLY.computeIfAbsent("all " + verdict, k -> new LongAdder()).increment();
        TALLY.computeIfAbsent(how + ": " + verdict, k -> new LongAdder()).increment();
    }

    /** What was tried, by how it was made: printed after each fuzz class. */
    static String tally() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(TALLY).forEach((k, v) -> sb.append(String.format("%8d  %s%n", v.sum(), k)));
        return sb.toString();
    }
}
