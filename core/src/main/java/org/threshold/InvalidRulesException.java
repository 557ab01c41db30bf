package org.threshold;

import java.util.List;

/** Rule files that do not compile; the message lists every error with its file, line and column. */
public class InvalidRulesException extends ThresholdException {

    private static final long serialVersionUID = 1L;

    /** One compile error. Line and column are 0 where the compiler did not say. */
    public record Problem(String file, int line, int column, String message) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            return sb.append(": ").append(message).toString();
        }
    }

    private final transient List<Problem> problems;

    public InvalidRulesException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    private static String format(List<Problem> problems) {
        StringBuilder sb = new StringBuilder("rules do not compile (" + problems.size()
                + (problems.size() == 1 ? " error" : " errors") + "):");
        for (Problem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p);
        }
        return sb.toString();
    }

    /** Every compile error. */
    public List<Problem> problems() {
        return problems;
    }
}
