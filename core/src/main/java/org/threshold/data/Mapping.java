package org.threshold.data;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the records of a delimited file become events of the model: the file's layout, which
 * records to keep, and rules that turn a record into an event (the first rule whose conditions
 * all hold). Read one from YAML with {@link MappingReader}; the built-in mappings of
 * {@code chronology} and {@code gdelt} are such files ({@link MappingReader#builtIn(String)}).
 *
 * @param dataset the data set's name, cited in each event's source
 * @param format the file's layout
 * @param day the column holding the record's day, and its date pattern
 * @param id how each record is named in its source: a column, or {@code null} for {@code row N}
 * @param url the column holding the address of the record's source, or null
 * @param keep conditions every record must meet, or it is skipped as filtered
 * @param rules the rules, tried in order; a record no rule takes is skipped as unmapped
 * @param merge whether records of one day that map to the same event become one event
 */
public record Mapping(String dataset, Format format, DayColumn day, String id, String url, List<Condition> keep,
        List<Rule> rules, boolean merge) {

    public Mapping {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(day, "day");
        keep = List.copyOf(keep);
        rules = List.copyOf(rules);
    }

    /**
     * The file's layout.
     *
     * @param delimiter the field delimiter
     * @param quoted whether fields may be quoted (CSV); GDELT's tab-separated files are not
     * @param header whether the first line names the columns
     * @param columns the columns in order where the file has no header; else the columns the
     *     header must hold, or empty
     */
    public record Format(char delimiter, boolean quoted, boolean header, List<String> columns) {
        public Format {
            columns = List.copyOf(columns);
        }
    }

    /** The column of the record's day and its pattern ({@code yyyy-MM-dd}, {@code yyyyMMdd}, ...). */
    public record DayColumn(String column, String pattern, DateTimeFormatter formatter) {
        LocalDate parse(String text) throws DateTimeParseException {
            return LocalDate.parse(text.trim(), formatter);
        }
    }

    /**
     * A condition on one column: its value is one of {@code in}, none of {@code notIn}, a number
     * at least {@code min} and at most {@code max} (where given).
     */
    public record Condition(String column, List<String> in, List<String> notIn, Double min, Double max) {
        public Condition {
            in = in == null ? null : List.copyOf(in);
            notIn = notIn == null ? null : List.copyOf(notIn);
        }
    }

    /**
     * A rule: when every condition holds, the record becomes the event, or (with {@code skip}) is
     * skipped for that reason and counted.
     */
    public record Rule(List<Condition> when, EventSpec event, String skip) {
        public Rule {
            when = List.copyOf(when);
        }
    }

    /** The event a rule makes: its type and, by type, by, target, kind, severity or magnitude. */
    public record EventSpec(String type, Value by, Value target, Value kind, Score severity, Score magnitude) {
    }

    /**
     * A text value: a constant, or a column's value, translated through {@code lookup} where the
     * value is listed there, else {@code otherwise} where given, else the value itself.
     */
    public record Value(String constant, String column, Map<String, String> lookup, String otherwise) {
    }

    /**
     * A number in [0, 1]: a constant, or a column's number on a linear scale ({@code x / max}) or
     * a log scale ({@code log(1 + x) / log(1 + max)}), clamped to [0, 1]; {@code otherwise} where
     * the column is empty.
     */
    public record Score(Double constant, String column, String scale, double max, Double otherwise) {
    }
}
