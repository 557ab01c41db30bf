package org.threshold.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.fact.Event;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Retaliation;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;

class EventImporterTest {

    private static final Path CHRONOLOGY = Path.of("../examples/data/chronology.csv");

    @TempDir
    Path dir;

    @Test
    void theChronologyGivesOneEventPerModelledRowWithItsDayPartiesAndSource() throws IOException {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(CHRONOLOGY)).getRecords();
        EventImporter.Result r = new EventImporter(MappingReader.builtIn("chronology")).importFiles(List.of(CHRONOLOGY), null, null);

        long nearMisses = rows.stream().filter(x -> x.get("type").equals("NEAR_MISS")).count();
        assertThat(nearMisses).isEqualTo(4);
        assertThat(r.events()).hasSize(rows.size() - 4);
        assertThat(r.summary().read()).isEqualTo(rows.size());
        assertThat(r.summary().skipped()).containsExactly(Map.entry("near miss", 4L));
        int e = 0;
        for (CSVRecord row : rows) {
            String type = row.get("type");
            if (type.equals("NEAR_MISS")) {
                continue;
            }
            Event event = r.events().get(e++);
            assertThat(event.day()).isEqualTo(LocalDate.parse(row.get("date")));
            assertThat(event.source().citation()).isEqualTo("chronology:row " + row.getRecordNumber());
            assertThat(event.source().url()).isEqualTo(row.get("source_url"));
            switch (type) {
                case "STRIKE" -> {
                    assertThat(event).isInstanceOf(Strike.class);
                    assertThat(((Strike) event).by()).isEqualTo(Party.valueOf(row.get("by")));
                    assertThat(((Strike) event).target()).isEqualTo(Target.valueOf(row.get("target")));
                }
                case "THREAT" -> assertThat(event).isInstanceOf(Threat.class);
                case "RETALIATION" -> assertThat(event).isInstanceOf(Retaliation.class);
                case "PRESSURE" -> assertThat(((Pressure) event).kind()).isEqualTo(PressureKind.valueOf(row.get("kind")));
                default -> throw new AssertionError("unexpected type " + type);
            }
        }
    }

    @Test
    void sinceAndUntilLeaveOutTheRecordsOutsideAndCountThem() {
        EventImporter.Result r = new EventImporter(MappingReader.builtIn("chronology"))
                .importFiles(List.of(CHRONOLOGY), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        // 2024: 9 strikes, 5 threats, 2 retaliations, 7 pressure events, no near miss (data/README.md)
        assertThat(r.events()).hasSize(23);
        assertThat(r.events()).allMatch(ev -> ev.day().getYear() == 2024);
        assertThat(r.summary().skipped().get(EventImporter.OUTSIDE)).isEqualTo(75L - 23);
    }

    /** A GDELT 2.0 export line: 61 tab-separated fields, those given set by column name. */
    private static String gdelt(Map<String, String> values) {
        List<String> columns = MappingReader.builtIn("gdelt").format().columns();
        String[] fields = new String[columns.size()];
        Arrays.fill(fields, "");
        values.forEach((k, v) -> fields[columns.indexOf(k)] = v);
        return String.join("\t", fields);
    }

    private static Map<String, String> record(String id, String day, String root, String base, String actor1, String actor2,
            String country, String adm1, String mentions, String sources, String isRoot) {
        return Map.ofEntries(Map.entry("GLOBALEVENTID", id), Map.entry("SQLDATE", day), Map.entry("MonthYear", day.substring(0, 6)),
                Map.entry("Year", day.substring(0, 4)), Map.entry("FractionDate", "2023.4"), Map.entry("Actor1CountryCode", actor1),
                Map.entry("Actor2CountryCode", actor2), Map.entry("IsRootEvent", isRoot), Map.entry("EventCode", base),
                Map.entry("EventBaseCode", base), Map.entry("EventRootCode", root), Map.entry("QuadClass", "4"),
                Map.entry("NumMentions", mentions), Map.entry("NumSources", sources), Map.entry("NumArticles", mentions),
                Map.entry("ActionGeo_CountryCode", country), Map.entry("ActionGeo_ADM1Code", adm1),
                Map.entry("DATEADDED", day + "120000"), Map.entry("SOURCEURL", "https://example.org/" + id));
    }

    @Test
    void aGdeltExportImportsToTheDocumentedEventsAndNamesItsMalformedRows() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(gdelt(record("1001", "20230503", "19", "190", "UKR", "RUS", "RS", "RS48", "999", "12", "1")));   // capital strike
        lines.add(gdelt(record("1002", "20230503", "18", "183", "UKR", "RUS", "RS", "RS47", "10", "3", "1")));    // same day, same event: merged
        lines.add(gdelt(record("1003", "20230601", "19", "190", "UKR", "RUS", "RS", "RS09", "0", "2", "1")));     // front line
        lines.add(gdelt(record("1004", "20230602", "20", "200", "UKR", "RUS", "RS", "RS73", "1000", "5", "1")));  // deep
        lines.add(gdelt(record("1005", "20230603", "13", "130", "RUS", "USA", "RS", "RS48", "31", "4", "1")));    // threat
        lines.add(gdelt(record("1006", "20230604", "16", "163", "EUR", "RUS", "BE", "BE11", "100", "6", "1")));   // sanctions
        lines.add(gdelt(record("1007", "20230605", "19", "190", "UKR", "RUS", "RS", "RS48", "50", "1", "1")));    // one source: filtered
        lines.add(gdelt(record("1008", "20230605", "19", "190", "UKR", "RUS", "RS", "RS48", "50", "5", "0")));    // not root: filtered
        lines.add(gdelt(record("1009", "20230606", "04", "040", "USA", "RUS", "US", "USDC", "50", "5", "1")));    // consult: unmapped
        lines.add(gdelt(record("1010", "2023-06-07", "19", "190", "UKR", "RUS", "RS", "RS48", "50", "5", "1"))); // bad date
        lines.add(gdelt(record("1011", "20230608", "19", "190", "UKR", "RUS", "RS", "RS48", "50", "many", "1"))); // non-numeric
        lines.add(String.join("\t", Arrays.copyOf(gdelt(record("1012", "20230609", "19", "190", "UKR", "RUS", "RS", "RS48", "5", "5", "1"))
                .split("\t", -1), 59)));                                                                              // 59 columns
        Path file = dir.resolve("20230610.export.CSV");
        Files.writeString(file, String.join("\n", lines) + "\n");

        EventImporter.Result r = new EventImporter(MappingReader.builtIn("gdelt")).importFiles(List.of(file), null, null);

        assertThat(r.events()).hasSize(5);
        Strike capital = (Strike) r.events().get(0);
        assertThat(capital.day()).isEqualTo(LocalDate.of(2023, 5, 3));
        assertThat(capital.by()).isEqualTo(Party.PROXY);
        assertThat(capital.target()).isEqualTo(Target.CAPITAL);
        assertThat(capital.severity()).isCloseTo(Math.log1p(999) / Math.log1p(1000), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(capital.source().citation()).isEqualTo("gdelt:1001");
        assertThat(capital.source().url()).isEqualTo("https://example.org/1001");
        assertThat(capital.source().note()).isEqualTo("2 records of this day merged (ids 1001, 1002)");
        assertThat(((Strike) r.events().get(1)).target()).isEqualTo(Target.FRONTLINE);
        assertThat(((Strike) r.events().get(1)).severity()).isZero();
        assertThat(((Strike) r.events().get(2)).target()).isEqualTo(Target.DEEP);
        assertThat(((Strike) r.events().get(2)).severity()).isEqualTo(1.0);
        assertThat(r.events().get(3)).isInstanceOf(Threat.class);
        assertThat(((Pressure) r.events().get(4)).kind()).isEqualTo(PressureKind.SANCTIONS);

        assertThat(r.summary().read()).isEqualTo(12);
        assertThat(r.summary().kept()).isEqualTo(5);
        assertThat(r.summary().skipped()).containsOnly(Map.entry("merged as duplicates", 1L), Map.entry("filtered", 2L),
                Map.entry("unmapped", 1L), Map.entry("malformed", 3L));
        assertThat(r.summary().malformed()).containsExactly(
                file + ":10: SQLDATE: '2023-06-07' is not a date of the pattern yyyyMMdd",
                file + ":11: NumSources: 'many' is not a number",
                file + ":12: 59 columns, expected 61");
        assertThat(r.summary().text()).startsWith("read 12 records, kept 5; skipped: ");
    }

    @Test
    void theGdeltMappingNamesTheSixtyOneColumnsOfTheCodebookInOrder() {
        List<String> columns = MappingReader.builtIn("gdelt").format().columns();
        assertThat(columns).hasSize(61);
        assertThat(columns.subList(0, 5)).containsExactly("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate");
        assertThat(columns.get(25)).isEqualTo("IsRootEvent");
        assertThat(columns.get(28)).isEqualTo("EventRootCode");
        assertThat(columns.get(53)).isEqualTo("ActionGeo_CountryCode");
        assertThat(columns.get(54)).isEqualTo("ActionGeo_ADM1Code");
        assertThat(columns.subList(59, 61)).containsExactly("DATEADDED", "SOURCEURL");
    }

    @Test
    void aChronologyRowWithAValueTheModelDoesNotKnowIsCountedAndNamed() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "date,type,by,target,kind,scale,source_url\n"
                + "2024-02-30,STRIKE,PROXY,DEEP,,,https://a\n"
                + "2024-03-01,STRIKE,PROXY,MOON,,,https://b\n"
                + "2024-03-02,STRIKE,PROXY,,,,https://c\n"
                + "2024-03-03,STRIKE,PROXY\n"
                + "2024-03-04,THREAT,ADVERSARY,,,,https://d\n");
        EventImporter.Result r = new EventImporter(MappingReader.builtIn("chronology")).importFiles(List.of(file), null, null);
        assertThat(r.events()).hasSize(1);
        assertThat(r.summary().malformed()).containsExactly(
                file + ":2: date: '2024-02-30' is not a date of the pattern yyyy-MM-dd",
                file + ":3: target: 'MOON' is not a target of the model",
                file + ":4: target: empty, expected the event's target",
                file + ":5: 3 columns, expected 7");
    }

    @Test
    void aFileWithoutAColumnTheMappingReadsIsRefusedWithTheNearestColumn() throws IOException {
        Path file = dir.resolve("renamed.csv");
        Files.writeString(file, "day,type,by,target,kind,scale,source_url\n2024-03-04,THREAT,ADVERSARY,,,,https://d\n");
        assertThatThrownBy(() -> new EventImporter(MappingReader.builtIn("chronology")).importFiles(List.of(file), null, null))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessage(file + ":1: the header has no column 'date', which the mapping reads. Maybe you meant 'day'.");
    }
}
