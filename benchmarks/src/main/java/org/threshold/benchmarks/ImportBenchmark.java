package org.threshold.benchmarks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.threshold.data.EventImporter;
import org.threshold.data.Mapping;
import org.threshold.data.MappingReader;

/**
 * How long does {@code threshold import --source gdelt} take on a daily-sized GDELT 2.0 export
 * (200,000 records of 61 tab-separated columns, about 60 MB), and does its memory stay flat?
 *
 * <p>{@code mode=import} runs the built-in GDELT mapping over the file: quality filters, CAMEO
 * root codes, country and ADM1 lookups, merging one day's duplicates. {@code mode=splitOnly} is
 * the plain-Java baseline: read the same lines and split them on tabs, nothing else. The fork
 * runs with a 64 MB heap, smaller than the file: an importer that held the records would fail
 * there, so a result at all shows the memory stays flat (the events kept, a few hundred, are all
 * it holds). The target: the import in at most 5 s.
 *
 * <p>The file is generated (fixed seed): 2% of the records are the proxy's strikes in Russia,
 * 1% Russian threats, 1% sanctions, the rest other events, with a tenth of all failing the
 * quality filters and one record in 1,000 malformed.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ImportBenchmark -prof gc
 * </pre>
 *
 * <p>{@link #main} writes the same file, to time the command line on it, cold JVM included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ImportBenchmark {

    /** Records in the generated file: a day of the GDELT 2.0 event export. */
    static final int RECORDS = 200_000;

    @Param({"import", "splitOnly"})
    public String mode;

    private Path file;
    private Mapping mapping;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        mapping = MappingReader.builtIn("gdelt");
        file = Files.createTempFile("gdelt-", ".export.CSV");
        write(file, RECORDS, mapping.format().columns(), 42);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long importDay() throws IOException {
        if (mode.equals("import")) {
            EventImporter.Result r = new EventImporter(mapping).importFiles(List.of(file), null, null);
            if (r.summary().read() != RECORDS) {
                throw new IllegalStateException("read " + r.summary().read() + " records, expected " + RECORDS);
            }
            return r.events().size();
        }
        long fields = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                fields += line.split("\t", -1).length;
            }
        }
        return fields;
    }

    /**
     * Writes the benchmark's file to {@code args[0]}, to time the command line on it:
     * {@code java -cp benchmarks/target/benchmarks.jar org.threshold.benchmarks.ImportBenchmark day.export.CSV}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ImportBenchmark FILE (writes a generated GDELT 2.0 export of " + RECORDS + " records)");
            System.exit(2);
        }
        write(Path.of(args[0]), RECORDS, MappingReader.builtIn("gdelt").format().columns(), 42);
    }

    /** Writes a GDELT 2.0 export of {@code records} lines in the columns given. */
    static void write(Path file, int records, List<String> columns, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] fields = new String[columns.size()];
        String[] adm1 = {"RS48", "RS47", "RS09", "RS41", "RS73", "RS86"};
        String[] others = {"USA", "CHN", "IND", "FRA", "DEU", "BRA", "TUR", "ISR"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < records; i++) {
                Arrays.fill(fields, "");
                int day = 1 + random.nextInt(28);
                String date = "202506" + (day < 10 ? "0" : "") + day;
                double kind = random.nextDouble();
                String root;
                String actor1;
                String actor2;
                String country;
                if (kind < 0.02) {
                    root = "19";
                    actor1 = "UKR";
                    actor2 = "RUS";
                    country = "RS";
                } else if (kind < 0.03) {
                    root = "13";
                    actor1 = "RUS";
                    actor2 = "USA";
                    country = "RS";
                } else if (kind < 0.04) {
                    root = "16";
                    actor1 = "EUR";
                    actor2 = "RUS";
                    country = "BE";
                } else {
                    root = "0" + (1 + random.nextInt(9));
                    actor1 = others[random.nextInt(others.length)];
                    actor2 = others[random.nextInt(others.length)];
                    country = "US";
                }
                set(fields, columns, "GLOBALEVENTID", String.valueOf(1_200_000_000L + i));
                set(fields, columns, "SQLDATE", date);
                set(fields, columns, "MonthYear", date.substring(0, 6));
                set(fields, columns, "Year", date.substring(0, 4));
                set(fields, columns, "FractionDate", "2025.4" + day);
                set(fields, columns, "Actor1Code", actor1);
                set(fields, columns, "Actor1Name", actor1 + " NAME");
                set(fields, columns, "Actor1CountryCode", actor1);
                set(fields, columns, "Actor2Code", actor2);
                set(fields, columns, "Actor2Name", actor2 + " NAME");
                set(fields, columns, "Actor2CountryCode", actor2);
                set(fields, columns, "IsRootEvent", random.nextInt(10) == 0 ? "0" : "1");
                String base = root.equals("16") ? "163" : root + "0";
                set(fields, columns, "EventCode", base);
                set(fields, columns, "EventBaseCode", base);
                set(fields, columns, "EventRootCode", root);
                set(fields, columns, "QuadClass", "4");
                set(fields, columns, "GoldsteinScale", "-10.0");
                set(fields, columns, "NumMentions", String.valueOf(1 + random.nextInt(400)));
                set(fields, columns, "NumSources", String.valueOf(1 + random.nextInt(8)));
                set(fields, columns, "NumArticles", String.valueOf(1 + random.nextInt(40)));
                set(fields, columns, "AvgTone", "-5.2");
                for (String geo : new String[] {"Actor1Geo", "Actor2Geo", "ActionGeo"}) {
                    set(fields, columns, geo + "_Type", "4");
                    set(fields, columns, geo + "_FullName", "Somewhere, Some Region, Some Country");
                    set(fields, columns, geo + "_CountryCode", country);
                    set(fields, columns, geo + "_ADM1Code", country.equals("RS") ? adm1[random.nextInt(adm1.length)] : country + "01");
                    set(fields, columns, geo + "_ADM2Code", "12345");
                    set(fields, columns, geo + "_Lat", "55.7522");
                    set(fields, columns, geo + "_Long", "37.6156");
                    set(fields, columns, geo + "_FeatureID", "-2960561");
                }
                set(fields, columns, "DATEADDED", date + "120000");
                set(fields, columns, "SOURCEURL", "https://news.example.org/2025/06/" + day + "/story-" + i + ".html");
                String line = String.join("\t", fields);
                if (random.nextInt(1000) == 0) {
                    line = line.substring(0, line.lastIndexOf('\t'));
                }
                out.write(line);
                out.write('\n');
            }
        }
    }

    private static void set(String[] fields, List<String> columns, String column, String value) {
        fields[columns.indexOf(column)] = value;
    }
}
