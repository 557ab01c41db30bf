package org.threshold.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The regions of a plane of two parameters where an output of the assessment takes each value:
 * a grid of {@code resolution} by {@code resolution} cells, each holding the output at its
 * centre.
 *
 * @param xPath the parameter across
 * @param yPath the parameter up
 * @param xFrom low end across
 * @param xTo high end across
 * @param yFrom low end up
 * @param yTo high end up
 * @param resolution cells along each side
 * @param cells the output of each cell, {@code cells.get(row).get(column)}, row 0 at {@code yFrom}
 * @param assessments how many assessments the map took; the full grid takes {@code resolution²}
 * @param xValue the scenario's own value across
 * @param yValue the scenario's own value up
 * @param <T> the output's type
 */
public record PhaseMap<T>(String xPath, String yPath, double xFrom, double xTo, double yFrom, double yTo,
        int resolution, List<List<T>> cells, int assessments, double xValue, double yValue) {

    public PhaseMap {
        Objects.requireNonNull(xPath, "xPath");
        Objects.requireNonNull(yPath, "yPath");
        cells = cells.stream().map(List::copyOf).toList();
    }

    /** The x value at the centre of column {@code column}. */
    public double x(int column) {
        return xFrom + (xTo - xFrom) * (column + 0.5) / resolution;
    }

    /** The y value at the centre of row {@code row}. */
    public double y(int row) {
        return yFrom + (yTo - yFrom) * (row + 0.5) / resolution;
    }

    /** The output at a cell. */
    public T at(int row, int column) {
        return cells.get(row).get(column);
    }

    /** Every output that occurs, in order of first occurrence row by row. */
    public Set<T> values() {
        Set<T> values = new LinkedHashSet<>();
        cells.forEach(values::addAll);
        return values;
    }

    /** The share of the full grid's assessments the map took. */
    public double share() {
        return (double) assessments / ((double) resolution * resolution);
    }
}
