package org.threshold.analysis;

import java.util.List;

import org.threshold.ThresholdException;

/** A parameter path the scenario does not have; the message lists the valid paths nearest to it. */
public class InvalidParameterException extends ThresholdException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> nearest;

    public InvalidParameterException(String path, List<String> nearest, List<String> valid) {
        super(message(path, nearest, valid));
        this.nearest = List.copyOf(nearest);
    }

    private static String message(String path, List<String> nearest, List<String> valid) {
        StringBuilder sb = new StringBuilder("unknown parameter '").append(path).append("'. ");
        if (!nearest.isEmpty()) {
            sb.append("The nearest valid paths: ").append(String.join(", ", nearest)).append('.');
        } else {
            sb.append("Valid paths: ").append(String.join(", ", valid.subList(0, Math.min(valid.size(), 20))))
                    .append(valid.size() > 20 ? ", ... (and every calibration key)" : "").append('.');
        }
        return sb.toString();
    }

    /** The valid paths nearest to the one given, best first. */
    public List<String> nearest() {
        return nearest;
    }
}
