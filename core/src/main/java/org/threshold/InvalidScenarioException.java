package org.threshold;

import java.util.Optional;

/**
 * A scenario file or scenario value is wrong. The message names the file, the line and column
 * where known, the field, what was expected and what was found.
 */
public class InvalidScenarioException extends ThresholdException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String field;

    public InvalidScenarioException(String source, int line, int column, String field, String problem) {
        super(format(source, line, column, field, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    private static String format(String source, int line, int column, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(source == null ? "scenario" : source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        sb.append(problem);
        return sb.toString();
    }

    /** The file or other source, as the user named it. */
    public String source() {
        return source;
    }

    /** The line, from 1; absent where unknown. */
    public Optional<Integer> line() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }

    /** The column, from 1; absent where unknown. */
    public Optional<Integer> column() {
        return column > 0 ? Optional.of(column) : Optional.empty();
    }

    /** The path of the field, such as {@code events[2].severity}; empty for the whole document. */
    public String field() {
        return field == null ? "" : field;
    }
}
