package org.threshold.fact;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Arrays;

import org.kie.api.runtime.rule.AccumulateFunction;

/**
 * An accumulate function that sums doubles the same way whatever the order they came in, for
 * rules: {@code import accumulate org.threshold.fact.StableSum stableSum;}.
 *
 * <p>Drools' own {@code sum} adds and subtracts doubles as they come, so its total depends on
 * the order of insertion, and a retraction does not restore the earlier total bit for bit
 * ({@code (a + b) - b} need not be {@code a}). This one keeps the values themselves and adds them
 * in ascending order when the result is read: the same values always give the same bits, so
 * results are independent of insertion order and retracting a fact restores the earlier result
 * exactly.
 */
public final class StableSum implements AccumulateFunction<StableSum.Values> {

    /** The values accumulated so far. */
    public static final class Values implements Externalizable {
        private double[] values = new double[8];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void remove(double v) {
            long bits = Double.doubleToLongBits(v);
            for (int i = 0; i < size; i++) {
                if (Double.doubleToLongBits(values[i]) == bits) {
                    values[i] = values[--size];
                    return;
                }
            }
            throw new IllegalStateException("stableSum: removing a value that was never added (" + v + ")");
        }

        double sum() {
            double[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            double total = 0.0;
            for (double v : sorted) {
                total += v;
            }
            return total;
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                out.writeDouble(values[i]);
            }
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException {
            size = 0;
            int n = in.readInt();
            values = new double[Math.max(8, n)];
            for (int i = 0; i < n; i++) {
                add(in.readDouble());
            }
        }
    }

    @Override
    public Values createContext() {
        return new Values();
    }

    @Override
    public void init(Values context) {
        context.size = 0;
    }

    @Override
    public void accumulate(Values context, Object value) {
        context.add(finite(value));
    }

    @Override
    public void reverse(Values context, Object value) {
        context.remove(finite(value));
    }

    @Override
    public Object getResult(Values context) {
        return context.sum();
    }

    @Override
    public boolean supportsReverse() {
        return true;
    }

    @Override
    public Class<?> getResultType() {
        return Double.class;
    }

    @Override
    public void writeExternal(ObjectOutput out) {
        // stateless
    }

    @Override
    public void readExternal(ObjectInput in) {
        // stateless
    }

    private static double finite(Object value) {
        double d = ((Number) value).doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("stableSum needs finite numbers (" + d + ")");
        }
        return d;
    }
}
