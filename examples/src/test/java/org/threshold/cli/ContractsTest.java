package org.threshold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * docs/contracts.md against the program: each JSON example there, marked by the command that
 * made it ({@code <!-- contract: ARGS -->}), is checked against that command's real output: the
 * same keys in the same order and the same values, where arrays may show only their first items
 * and a {@code "..."} key stands for keys left out. Every command with JSON output has at least
 * one example.
 */
class ContractsTest {

    private static final Path CONTRACTS = Path.of("..", "docs", "contracts.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A JSON example of the contracts: the command line that makes it, and the example's text. */
    record Example(String args, String json) {
    }

    static List<Example> examples() throws IOException {
        Node root = Parser.builder().build().parse(Files.readString(CONTRACTS, StandardCharsets.UTF_8));
        List<Example> examples = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                Node before = block.getPrevious();
                if ("json".equals(block.getInfo()) && before instanceof HtmlBlock html
                        && html.getLiteral().strip().startsWith("<!-- contract:")) {
                    String args = html.getLiteral().strip().replaceFirst("^<!-- contract:", "").replaceFirst("-->$", "").strip();
                    examples.add(new Example(args, block.getLiteral()));
                }
            }
        });
        return examples;
    }

    @TestFactory
    Stream<DynamicTest> eachJsonExampleIsTheRealOutputOfItsCommand() throws IOException {
        return examples().stream().map(e -> DynamicTest.dynamicTest("threshold " + e.args(), () -> {
            String[] args = e.args().split(" ");
            for (int i = 0; i < args.length; i++) {
                if (args[i].startsWith("examples/")) {
                    args[i] = args[i].substring("examples/".length());
                }
            }
            CommandRunner r = CommandRunner.run(args);
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> problems = new ArrayList<>();
            match(JSON.readTree(e.json()), JSON.readTree(r.out()), "$", problems);
            assertThat(problems).as("threshold %s against docs/contracts.md", e.args()).isEmpty();
        }));
    }

    @Test
    void everyCommandWithJsonOutputHasAnExample() throws IOException {
        Set<String> documented = new LinkedHashSet<>();
        examples().forEach(e -> documented.add(e.args().split(" ")[0]));
        Set<String> withJson = new LinkedHashSet<>();
        new CommandLine(new ThresholdCommand()).getSubcommands().forEach((name, cli) -> {
            CommandLine.Model.OptionSpec format = cli.getCommandSpec().findOption("--format");
            if (format != null && format.paramLabel().contains("json")) {
                withJson.add(name);
            }
        });
        assertThat(withJson).contains("assess", "simulate", "flip", "map");
        assertThat(documented).containsAll(withJson);
    }

    @Test
    void theAssessObjectOfTheFoundingContractIsPrintedByteForByte() throws IOException {
        Example exact = examples().stream().filter(e -> e.args().endsWith("--no-signposts")).findFirst().orElseThrow();

        CommandRunner r = CommandRunner.run("assess", "scenarios/moscow-struck.yaml", "--format", "json", "--no-signposts");

        assertThat(r.out().replace(System.lineSeparator(), "\n")).isEqualTo(exact.json());
    }

    @Test
    void theMatchCatchesAChangedShape() throws IOException {
        List<String> problems = new ArrayList<>();
        match(JSON.readTree("{\"now\": {\"posture\": \"HOLD\"}, \"a\": [1]}"),
                JSON.readTree("{\"now\": [\"HOLD\"], \"a\": [1, 2], \"b\": 1}"), "$", problems);
        assertThat(problems).containsExactly("$: keys [now, a] documented, [now, a, b] printed", "$.now: documented OBJECT, printed ARRAY");
    }

    /** Adds to {@code problems} every way {@code actual} departs from the documented example. */
    static void match(JsonNode doc, JsonNode actual, String where, List<String> problems) {
        if (doc.isObject()) {
            if (!actual.isObject()) {
                problems.add(where + ": documented OBJECT, printed " + actual.getNodeType());
                return;
            }
            List<String> documented = names(doc);
            List<String> printed = names(actual);
            boolean partial = documented.remove("...");
            if (partial ? !printed.containsAll(documented) : !documented.equals(printed)) {
                problems.add(where + ": keys " + names(doc) + " documented, " + printed + " printed");
            }
            for (String key : documented) {
                if (actual.has(key)) {
                    match(doc.get(key), actual.get(key), where + "." + key, problems);
                }
            }
        } else if (doc.isArray()) {
            if (!actual.isArray()) {
                problems.add(where + ": documented ARRAY, printed " + actual.getNodeType());
                return;
            }
            if (actual.size() < doc.size()) {
                problems.add(where + ": " + doc.size() + " items documented, " + actual.size() + " printed");
                return;
            }
            for (int i = 0; i < doc.size(); i++) {
                match(doc.get(i), actual.get(i), where + "[" + i + "]", problems);
            }
        } else if (doc.isNumber() && actual.isNumber() ? doc.asDouble() != actual.asDouble() : !doc.equals(actual)) {
            problems.add(where + ": " + doc + " documented, " + actual + " printed");
        }
    }

    private static List<String> names(JsonNode o) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
