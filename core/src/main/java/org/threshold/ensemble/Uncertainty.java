package org.threshold.ensemble;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario's {@code uncertainty:} section: for each uncertain parameter, by its path (the paths
 * of {@link org.threshold.analysis.ParameterPaths}), the distribution a draw takes it from, in the
 * order of the file. Other commands than {@code ensemble} ignore it.
 *
 * @param parameters the distributions by parameter path, in file order
 */
public record Uncertainty(Map<String, Distribution> parameters) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No uncertain parameter. */
    public static final Uncertainty NONE = new Uncertainty(Map.of());

    public Uncertainty {
        Objects.requireNonNull(parameters, "parameters");
        Map<String, Distribution> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "path"), Objects.requireNonNull(v, k)));
        parameters = Collections.unmodifiableMap(copy);
    }

    /** Whether no parameter is uncertain. */
    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** How many parameters are uncertain. */
    public int size() {
        return parameters.size();
    }
}
