package org.threshold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.threshold.InvalidScenarioException;
import org.threshold.data.EventImporter;
import org.threshold.data.InvalidMappingException;
import org.threshold.data.Mapping;
import org.threshold.data.MappingReader;
import org.threshold.data.ScenarioYaml;
import org.threshold.scenario.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code threshold import FILE... --source chronology|gdelt|csv [--mapping FILE.yaml]
 * [--since DATE] [--until DATE] [--into SCENARIO.yaml] [--name NAME] [--print-mapping]}
 */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {"Import event records (a chronology, the GDELT 2.0 event export, any delimited file) through a "
                + "mapping file and print a scenario file whose events are the records the mapping keeps, each with its "
                + "source. A summary of what became of every record goes to standard error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input (data files, mapping files, scenario files, arguments)", "1:a fault of the program"})
final class ImportCommand implements Callable<Integer> {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** The kinds of input. */
    enum SourceKind { chronology, gdelt, csv }

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "The data files, read in order.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--source", required = true, paramLabel = "chronology|gdelt|csv",
            description = "The kind of input: chronology (the chronology CSV), gdelt (GDELT 2.0 event export), csv (any delimited file; needs --mapping).")
    SourceKind source;

    @Option(names = "--mapping", paramLabel = "FILE.yaml",
            description = "A mapping file that replaces the built-in one (see --print-mapping).")
    Path mapping;

    @Option(names = "--print-mapping", description = "Print the built-in mapping file of --source and stop.")
    boolean printMapping;

    @Option(names = "--since", paramLabel = "DATE", description = "Leave out records before this day (ISO date).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Leave out records after this day (ISO date).")
    String until;

    @Option(names = "--into", paramLabel = "SCENARIO.yaml",
            description = "Add the imported events after this scenario's own (its asOf and comments unchanged).")
    Path into;

    @Option(names = "--name", paramLabel = "NAME", description = "The scenario's name without --into (default: the first file's base name).")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (printMapping) {
            if (!files.isEmpty() || mapping != null || since != null || until != null || into != null || name != null) {
                throw bad("--print-mapping prints the built-in mapping of --source and imports nothing; "
                        + "leave out the files and the other options, or leave out --print-mapping");
            }
            if (source == SourceKind.csv) {
                throw bad("--print-mapping: the csv source has no built-in mapping; write one (see the chronology's: "
                        + "threshold import --source chronology --print-mapping) and pass it with --mapping");
            }
            out.print(MappingReader.builtInText(source.name()));
            out.flush();
            return 0;
        }
        if (files.isEmpty()) {
            throw bad("FILE: expected at least one data file to import");
        }
        if (source == SourceKind.csv && mapping == null) {
            throw bad("--mapping: the csv source needs a mapping file naming its columns. "
                    + "Maybe start from: threshold import --source chronology --print-mapping");
        }
        if (into != null && name != null) {
            throw bad("--name: the scenario of --into keeps its own name; leave out one of --into and --name");
        }
        LocalDate first = date("--since", since);
        LocalDate last = date("--until", until);
        if (first != null && last != null && first.isAfter(last)) {
            throw bad("--since " + first + " is after --until " + last);
        }
        try {
            Mapping m = mapping == null ? MappingReader.builtIn(source.name()) : MappingReader.read(mapping);
            String baseText = null;
            LocalDate baseAsOf = null;
            if (into != null) {
                baseAsOf = ScenarioReader.read(into).asOf();
                baseText = Files.readString(into, StandardCharsets.UTF_8);
            }
            EventImporter.Result result = new EventImporter(m).importFiles(files, first, last);
            String comment = "imported by threshold import --source " + source + " from " + String.join(", ",
                    files.stream().map(f -> f.getFileName().toString()).toList())
                    + (first == null ? "" : " since " + first) + (last == null ? "" : " until " + last)
                    + ": " + result.events().size() + " events";
            String yaml;
            if (into != null) {
                yaml = ScenarioYaml.into(into.toString(), baseText, result.events(), comment);
            } else {
                String base = files.get(0).getFileName().toString();
                int dot = base.lastIndexOf('.');
                String scenarioName = name != null ? name : dot > 0 ? base.substring(0, dot) : base;
                yaml = ScenarioYaml.standalone(scenarioName, result.events(), last != null ? last : LocalDate.now(), comment);
            }
            // the output must read back as a scenario (with --into, the limits hold for both parts together)
            ScenarioReader.read(into != null ? into + " with the imported events" : "the imported scenario", yaml);
            err.println("threshold: " + result.summary().text().replace(System.lineSeparator(), System.lineSeparator() + "threshold: "));
            if (baseAsOf != null) {
                LocalDate asOf = baseAsOf;
                long later = result.events().stream().filter(e -> e.day().isAfter(asOf)).count();
                if (later > 0) {
                    err.println("threshold: " + later + (later == 1 ? " imported event is" : " imported events are")
                            + " dated after the asOf of " + into + " (" + asOf + "): assess leaves them out; "
                            + "simulate reaches them with --to, or raise asOf");
                }
            }
            out.print(yaml);
            out.flush();
            return 0;
        } catch (InvalidMappingException | InvalidScenarioException e) {
            err.println("threshold: " + e.getMessage());
            return ThresholdCommand.BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("threshold: " + e.getFile() + ": no such file");
            return ThresholdCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("threshold: cannot read " + into + " (" + e.getMessage() + ")");
            return ThresholdCommand.BAD_INPUT;
        }
    }

    private LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim(), ISO);
        } catch (DateTimeParseException e) {
            throw bad(option + ": expected an ISO date like 2024-11-19, got '" + value + "'");
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
