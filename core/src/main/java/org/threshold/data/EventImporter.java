package org.threshold.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.threshold.fact.Event;
import org.threshold.fact.Party;
import org.threshold.fact.Pressure;
import org.threshold.fact.PressureKind;
import org.threshold.fact.Retaliation;
import org.threshold.fact.Source;
import org.threshold.fact.Strike;
import org.threshold.fact.Target;
import org.threshold.fact.Threat;
import org.threshold.fact.ThresholdCrossing;

/**
 * Turns the records of delimited files into events of the model through a {@link Mapping}, one
 * record at a time (memory grows with the events kept, not with the records read). A record
 * that is malformed (a wrong number of columns, a bad date, a non-numeric value where a number is
 * read, a value the model does not know) is counted and named, never fatal; a file that cannot
 * be read or lacks a column the mapping reads is an {@link InvalidMappingException}.
 */
public final class EventImporter {

    /** How many malformed records the summary names; the rest are counted. */
    public static final int NAMED_MALFORMED = 5;

    private final Mapping mapping;

    public EventImporter(Mapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /** The events imported, in date order, and what became of every record. */
    public record Result(List<Event> events, Summary summary) {
    }

    /**
     * What became of the records.
     *
     * @param read records read
     * @param kept records that became events, one each: {@code read} less every record skipped
     * @param skipped records skipped, by reason: {@code filtered}, {@code unmapped}, a rule's
     *     {@code skip} reason, {@code outside the dates}, {@code malformed}, {@code merged as duplicates}
     * @param malformed the first {@value #NAMED_MALFORMED} malformed records, as {@code file:line: problem}
     */
    public record Summary(long read, long kept, Map<String, Long> skipped, List<String> malformed) {

        /** The summary in one paragraph, as the command prints it on standard error. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            sb.append("read ").append(read).append(read == 1 ? " record" : " records").append(", kept ").append(kept);
            if (!skipped.isEmpty()) {
                List<String> parts = new ArrayList<>();
                skipped.forEach((k, v) -> parts.add(k + " " + v));
                sb.append("; skipped: ").append(String.join(", ", parts));
            }
            for (String m : malformed) {
                sb.append(System.lineSeparator()).append("  malformed: ").append(m);
            }
            long more = skipped.getOrDefault(MALFORMED, 0L) - malformed.size();
            if (more > 0) {
                sb.append(System.lineSeparator()).append("  and ").append(more).append(" more malformed records");
            }
            return sb.toString();
        }
    }

    static final String FILTERED = "filtered";
    static final String UNMAPPED = "unmapped";
    static final String OUTSIDE = "outside the dates";
    static final String MALFORMED = "malformed";
    static final String MERGED = "merged as duplicates";

    /** A record that cannot be read; its message names the column and the problem. */
    private static final class BadRecord extends Exception {
        private static final long serialVersionUID = 1L;

        BadRecord(String message) {
            super(message, null, false, false);
        }
    }

    /** One event being built, with the records merged into it. */
    private static final class Pending {
        final Event event;
        final List<String> ids = new ArrayList<>(1);
        int count = 1;

        Pending(Event event, String id) {
            this.event = event;
            ids.add(id);
        }
    }

    /**
     * Imports the files, in order.
     *
     * @param since the first day kept, or null
     * @param until the last day kept, or null
     * @throws InvalidMappingException for a file that cannot be read, or whose header lacks a
     *     column the mapping reads
     */
    public Result importFiles(List<Path> files, LocalDate since, LocalDate until) {
        long read = 0;
        Map<String, Long> skipped = new LinkedHashMap<>();
        List<String> malformed = new ArrayList<>();
        Map<List<Object>, Pending> merged = new LinkedHashMap<>();
        List<Pending> events = new ArrayList<>();
        for (Path file : files) {
            try (Rows rows = open(file)) {
                Map<String, Integer> index = rows.columns();
                int expected = index.size();
                Reader reader = new Reader(index);
                for (Row record = rows.next(); record != null; record = rows.next()) {
                    read++;
                    try {
                        if (record.size() != expected) {
                            throw new BadRecord(record.size() + " columns, expected " + expected);
                        }
                        reader.record = record;
                        LocalDate day;
                        String dayText = reader.get(mapping.day().column());
                        try {
                            day = mapping.day().parse(dayText);
                        } catch (DateTimeParseException e) {
                            throw new BadRecord(mapping.day().column() + ": '" + shown(dayText) + "' is not a date of the pattern "
                                    + mapping.day().pattern());
                        }
                        if (!reader.all(mapping.keep())) {
                            skipped.merge(FILTERED, 1L, Long::sum);
                            continue;
                        }
                        if ((since != null && day.isBefore(since)) || (until != null && day.isAfter(until))) {
                            skipped.merge(OUTSIDE, 1L, Long::sum);
                            continue;
                        }
                        Mapping.Rule rule = null;
                        for (Mapping.Rule r : mapping.rules()) {
                            if (reader.all(r.when())) {
                                rule = r;
                                break;
                            }
                        }
                        if (rule == null) {
                            skipped.merge(UNMAPPED, 1L, Long::sum);
                            continue;
                        }
                        if (rule.skip() != null) {
                            skipped.merge(rule.skip(), 1L, Long::sum);
                            continue;
                        }
                        String id = mapping.id() == null ? "row " + record.number() : reader.get(mapping.id());
                        String url = mapping.url() == null ? null : reader.get(mapping.url());
                        Event event = reader.event(rule.event(), day, new Source(mapping.dataset(), id, url, null));
                        if (mapping.merge()) {
                            List<Object> key = key(event);
                            Pending p = merged.get(key);
                            if (p != null) {
                                p.count++;
                                if (p.ids.size() < NAMED_MALFORMED) {
                                    p.ids.add(id);
                                }
                                skipped.merge(MERGED, 1L, Long::sum);
                                continue;
                            }
                            p = new Pending(event, id);
                            merged.put(key, p);
                            events.add(p);
                        } else {
                            events.add(new Pending(event, id));
                        }
                    } catch (BadRecord e) {
                        skipped.merge(MALFORMED, 1L, Long::sum);
                        if (malformed.size() < NAMED_MALFORMED) {
                            malformed.add(file + ":" + record.line() + ": " + e.getMessage());
                        }
                    }
                }
            } catch (NoSuchFileException e) {
                throw new InvalidMappingException(file.toString(), 0, 0, null, "no such file");
            } catch (java.nio.charset.MalformedInputException e) {
                throw new InvalidMappingException(file.toString(), 0, 0, null, "the file is not UTF-8 text");
            } catch (IOException | UncheckedIOException e) {
                throw new InvalidMappingException(file.toString(), 0, 0, null, "cannot read the file ("
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")");
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new InvalidMappingException(file.toString(), 0, 0, null, "cannot read the file as delimited records ("
                        + e.getMessage() + ")");
            }
        }
        List<Event> out = new ArrayList<>(events.size());
        for (Pending p : events) {
            out.add(p.count == 1 ? p.event : withNote(p.event, p.count + " records of this day merged (ids "
                    + String.join(", ", p.ids) + (p.count > p.ids.size() ? ", ..." : "") + ")"));
        }
        out.sort(Comparator.comparing(Event::day));
        long kept = read - skipped.values().stream().mapToLong(Long::longValue).sum();
        return new Result(List.copyOf(out), new Summary(read, kept, skipped, List.copyOf(malformed)));
    }

    /** One record: its fields, its number among the records (from 1) and its first line in the file. */
    private interface Row {
        int size();

        String get(int i);

        long number();

        long line();
    }

    /** The records of one file, read one at a time. */
    private interface Rows extends AutoCloseable {
        /** The columns by name: from the header, or the mapping's list. */
        Map<String, Integer> columns();

        /** The next record, or null at the end. */
        Row next() throws IOException;

        @Override
        void close() throws IOException;
    }

    private Rows open(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            return mapping.format().quoted() ? new QuotedRows(file, in) : new PlainRows(file, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private Map<String, Integer> index(List<String> header, Path file) {
        Map<String, Integer> index = new HashMap<>();
        if (mapping.format().header()) {
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i).trim(), i);
            }
            for (String needed : needed()) {
                if (!index.containsKey(needed)) {
                    throw new InvalidMappingException(file.toString(), 1, 0, null, "the header has no column '" + needed
                            + "', which the mapping reads. " + org.threshold.Suggestions.hint(needed, index.keySet(), "columns"));
                }
            }
        } else {
            List<String> names = mapping.format().columns();
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
        }
        return index;
    }

    /** Quoted CSV, read by Commons CSV (fields may hold delimiters and line breaks). */
    private final class QuotedRows implements Rows {
        private final CSVParser parser;
        private final java.util.Iterator<CSVRecord> records;
        private final Map<String, Integer> columns;
        private long line;

        QuotedRows(Path file, BufferedReader in) throws IOException {
            CSVFormat.Builder fb = CSVFormat.DEFAULT.builder().setDelimiter(mapping.format().delimiter())
                    .setIgnoreEmptyLines(true).setTrim(false);
            if (mapping.format().header()) {
                fb.setHeader().setSkipHeaderRecord(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL);
            }
            parser = CSVParser.builder().setReader(in).setFormat(fb.get()).get();
            records = parser.iterator();
            columns = index(mapping.format().header() ? parser.getHeaderNames() : List.of(), file);
            line = mapping.format().header() ? 2 : 1;
        }

        @Override
        public Map<String, Integer> columns() {
            return columns;
        }

        @Override
        public Row next() {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            long first = line;
            line = parser.getCurrentLineNumber() + 1;
            return new Row() {
                public int size() {
                    return r.size();
                }

                public String get(int i) {
                    return r.get(i);
                }

                public long number() {
                    return r.getRecordNumber();
                }

                public long line() {
                    return first;
                }
            };
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /**
     * Unquoted delimited lines (GDELT): each line is one record, split where its fields are read.
     *
     * <p>Implementation notes: a record keeps its line and the offsets of its delimiters, and
     * makes a string only of the fields a mapping reads (a dozen of GDELT's 61), so a
     * daily-sized file costs little more than reading its lines.
     */
    private final class PlainRows implements Rows, Row {
        private final BufferedReader in;
        private final Map<String, Integer> columns;
        private final char delimiter = mapping.format().delimiter();
        private int[] ends = new int[64];
        private int size;
        private String text;
        private long line;
        private long number;

        PlainRows(Path file, BufferedReader in) throws IOException {
            this.in = in;
            List<String> header = List.of();
            if (mapping.format().header()) {
                String first = in.readLine();
                line = 1;
                header = first == null ? List.of() : List.of(first.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1));
            }
            columns = index(header, file);
        }

        @Override
        public Map<String, Integer> columns() {
            return columns;
        }

        @Override
        public Row next() throws IOException {
            String l;
            do {
                l = in.readLine();
                line++;
            } while (l != null && l.isEmpty());
            if (l == null) {
                return null;
            }
            text = l;
            number++;
            size = 0;
            for (int i = 0; i < l.length(); i++) {
                if (l.charAt(i) == delimiter) {
                    add(i);
                }
            }
            add(l.length());
            return this;
        }

        private void add(int end) {
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
            }
            ends[size++] = end;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public String get(int i) {
            int start = i == 0 ? 0 : ends[i - 1] + 1;
            return text.substring(start, ends[i]);
        }

        @Override
        public long number() {
            return number;
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private List<String> needed() {
        List<String> cols = new ArrayList<>();
        cols.add(mapping.day().column());
        if (mapping.id() != null) {
            cols.add(mapping.id());
        }
        if (mapping.url() != null) {
            cols.add(mapping.url());
        }
        mapping.keep().forEach(c -> cols.add(c.column()));
        for (Mapping.Rule r : mapping.rules()) {
            r.when().forEach(c -> cols.add(c.column()));
            if (r.event() != null) {
                for (Mapping.Value v : new Mapping.Value[] {r.event().by(), r.event().target(), r.event().kind()}) {
                    if (v != null && v.column() != null) {
                        cols.add(v.column());
                    }
                }
                for (Mapping.Score n : new Mapping.Score[] {r.event().severity(), r.event().magnitude()}) {
                    if (n != null && n.column() != null) {
                        cols.add(n.column());
                    }
                }
            }
        }
        return cols;
    }

    /** Reads one record's values by column name. */
    private static final class Reader {
        final Map<String, Integer> index;
        Row record;

        Reader(Map<String, Integer> index) {
            this.index = index;
        }

        String get(String column) {
            return record.get(index.get(column)).trim();
        }

        double number(String column) throws BadRecord {
            String t = get(column);
            try {
                double v = Double.parseDouble(t);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new BadRecord(column + ": '" + shown(t) + "' is not a number");
            }
        }

        boolean all(List<Mapping.Condition> conditions) throws BadRecord {
            for (Mapping.Condition c : conditions) {
                if (!holds(c)) {
                    return false;
                }
            }
            return true;
        }

        boolean holds(Mapping.Condition c) throws BadRecord {
            String v = get(c.column());
            if (c.in() != null && !c.in().contains(v)) {
                return false;
            }
            if (c.notIn() != null && c.notIn().contains(v)) {
                return false;
            }
            if (c.min() != null || c.max() != null) {
                double x = number(c.column());
                return (c.min() == null || x >= c.min()) && (c.max() == null || x <= c.max());
            }
            return true;
        }

        Event event(Mapping.EventSpec spec, LocalDate day, Source source) throws BadRecord {
            return switch (spec.type()) {
                case "STRIKE" -> new Strike(day, spec.by() == null ? Party.PROXY : value(spec.by(), "by", Party.class, Party.PROXY),
                        value(spec.target(), "target", Target.class, null), score(spec.severity()), source);
                case "THREAT" -> new Threat(day, score(spec.severity()), source);
                case "RETALIATION" -> new Retaliation(day, score(spec.severity()), source);
                case "PRESSURE" -> new Pressure(day, spec.kind() == null ? PressureKind.OTHER
                        : value(spec.kind(), "kind", PressureKind.class, PressureKind.OTHER), score(spec.magnitude()), source);
                default -> new ThresholdCrossing(day, source);
            };
        }

        <E extends Enum<E>> E value(Mapping.Value v, String what, Class<E> type, E whenEmpty) throws BadRecord {
            String t;
            if (v.constant() != null) {
                t = v.constant();
            } else {
                String raw = get(v.column());
                t = v.lookup().containsKey(raw) ? v.lookup().get(raw) : v.otherwise() != null ? v.otherwise() : raw;
                if (t.isEmpty()) {
                    if (whenEmpty != null) {
                        return whenEmpty;
                    }
                    throw new BadRecord(v.column() + ": empty, expected the event's " + what);
                }
            }
            try {
                return Enum.valueOf(type, t.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRecord(v.column() + ": '" + shown(t) + "' is not a " + what + " of the model");
            }
        }

        double score(Mapping.Score n) throws BadRecord {
            if (n == null) {
                return 0.0;
            }
            if (n.constant() != null) {
                return n.constant();
            }
            if (get(n.column()).isEmpty() && n.otherwise() != null) {
                return n.otherwise();
            }
            double x = Math.max(0, number(n.column()));
            double s = n.scale().equals("log") ? Math.log1p(x) / Math.log1p(n.max()) : x / n.max();
            return Math.min(1.0, Math.max(0.0, s));
        }
    }

    private static List<Object> key(Event e) {
        if (e instanceof Strike s) {
            return List.of(s.day(), "STRIKE", s.by(), s.target());
        } else if (e instanceof Pressure p) {
            return List.of(p.day(), "PRESSURE", p.kind());
        }
        return List.of(e.day(), e.getClass().getSimpleName());
    }

    private static Event withNote(Event e, String note) {
        Source s = e.source();
        Source n = new Source(s.dataset(), s.id(), s.url(), note);
        if (e instanceof Strike k) {
            return new Strike(k.day(), k.by(), k.target(), k.severity(), n);
        } else if (e instanceof Threat t) {
            return new Threat(t.day(), t.severity(), n);
        } else if (e instanceof Retaliation r) {
            return new Retaliation(r.day(), r.severity(), n);
        } else if (e instanceof Pressure p) {
            return new Pressure(p.day(), p.kind(), p.magnitude(), n);
        }
        return new ThresholdCrossing(e.day(), n);
    }

    private static String shown(String s) {
        String one = s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return one.length() <= 40 ? one : one.substring(0, 40) + "...";
    }
}
