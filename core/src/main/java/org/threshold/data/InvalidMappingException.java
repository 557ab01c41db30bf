package org.threshold.data;

import org.threshold.ThresholdException;

/**
 * A mapping file is wrong. The message names the file, the line and column where known, the
 * field, what was expected and what was found, as for a scenario file.
 */
public class InvalidMappingException extends ThresholdException {

    private static final long serialVersionUID = 1L;

    public InvalidMappingException(String source, int line, int column, String field, String problem) {
        super(format(source, line, column, field, problem));
    }

    private static String format(String source, int line, int column, String field, String problem) {
        StringBuilder sb = new StringBuilder(source == null ? "mapping" : source);
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
        return sb.append(problem).toString();
    }
}
