package org.threshold.ensemble;

import java.io.Serializable;
import java.util.List;

/**
 * How unsure one number of a scenario is: the distribution a draw of an ensemble takes it from.
 * As written in the scenario file's {@code uncertainty:} section ({@code {uniform: [low, high]}},
 * {@code {triangular: [low, mode, high]}}, {@code {normal: [mean, sd]}}, {@code {choice: [a, b, ...]}}).
 * A normal is truncated to the parameter's valid values when drawn (see {@link ParameterDomain}).
 */
public sealed interface Distribution extends Serializable
        permits Distribution.Uniform, Distribution.Triangular, Distribution.Normal, Distribution.Choice {

    /** The name in the scenario file: {@code uniform}, {@code triangular}, {@code normal} or {@code choice}. */
    String name();

    /** The numbers in the scenario file, in its order. */
    List<Double> arguments();

    /** The smallest value a draw can take, before truncation. */
    double lowest();

    /** The largest value a draw can take, before truncation. */
    double highest();

    /** Every value in [low, high] equally likely; {@code low == high} is that one value. */
    record Uniform(double low, double high) implements Distribution {
        public Uniform {
            if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
                throw new IllegalArgumentException("uniform: expected finite low <= high, got [" + low + ", " + high + "]");
            }
        }

        @Override
        public String name() {
            return "uniform";
        }

        @Override
        public List<Double> arguments() {
            return List.of(low, high);
        }

        @Override
        public double lowest() {
            return low;
        }

        @Override
        public double highest() {
            return high;
        }
    }

    /** The triangular distribution on [low, high] with its peak at {@code mode}. */
    record Triangular(double low, double mode, double high) implements Distribution {
        public Triangular {
            if (!(Double.isFinite(low) && Double.isFinite(mode) && Double.isFinite(high) && low <= mode && mode <= high)) {
                throw new IllegalArgumentException("triangular: expected finite low <= mode <= high, got ["
                        + low + ", " + mode + ", " + high + "]");
            }
        }

        @Override
        public String name() {
            return "triangular";
        }

        @Override
        public List<Double> arguments() {
            return List.of(low, mode, high);
        }

        @Override
        public double lowest() {
            return low;
        }

        @Override
        public double highest() {
            return high;
        }
    }

    /** The normal distribution of this mean and standard deviation, truncated to the parameter's valid values. */
    record Normal(double mean, double sd) implements Distribution {
        public Normal {
            if (!(Double.isFinite(mean) && Double.isFinite(sd) && sd > 0)) {
                throw new IllegalArgumentException("normal: expected a finite mean and sd > 0, got [" + mean + ", " + sd + "]");
            }
        }

        @Override
        public String name() {
            return "normal";
        }

        @Override
        public List<Double> arguments() {
            return List.of(mean, sd);
        }

        @Override
        public double lowest() {
            return Double.NEGATIVE_INFINITY;
        }

        @Override
        public double highest() {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** Each of the values equally likely (a value listed twice, twice as likely). */
    record Choice(List<Double> values) implements Distribution {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("choice: expected at least one value");
            }
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("choice: expected finite values, got " + v);
                }
            }
        }

        @Override
        public String name() {
            return "choice";
        }

        @Override
        public List<Double> arguments() {
            return values;
        }

        @Override
        public double lowest() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        }

        @Override
        public double highest() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }
    }
}
