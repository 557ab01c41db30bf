package org.threshold.fact;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.math.BigDecimal;

import org.kie.api.runtime.rule.AccumulateFunction;

/**
 * An accumulate function that sums doubles exactly, for rules: {@code import accumulate
 * org.threshold.fact.ExactSum exactSum;}.
 *
 * <p>Drools' own {@code sum} adds and subtracts doubles as they come, so the total depends on the
 * order of insertion and a retraction does not restore the earlier total bit for bit. This one
 * keeps the running total as an exact {@link BigDecimal} (every double is a finite binary
 * fraction) and rounds once, when the result is read: the sum of a set of facts is the same
 * whatever the order in which they arrived or left.
 */
public final class ExactSum implements AccumulateFunction<ExactSum.Total> {

    /** The running exact total. */
    public static final class Total implements Externalizable {
        private BigDecimal sum = BigDecimal.ZERO;

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeObject(sum);
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
            sum = (BigDecimal) in.readObject();
        }
    }

    @Override
    public Total createContext() {
        return new Total();
    }

    @Override
    public void init(Total context) {
        context.sum = BigDecimal.ZERO;
    }

    @Override
    public void accumulate(Total context, Object value) {
        context.sum = context.sum.add(exact(value));
    }

    @Override
    public void reverse(Total context, Object value) {
        context.sum = context.sum.subtract(exact(value));
    }

    @Override
    public Object getResult(Total context) {
        return context.sum.doubleValue();
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

    private static BigDecimal exact(Object value) {
        double d = ((Number) value).doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("exactSum needs finite numbers (" + d + ")");
        }
        return new BigDecimal(d);
    }
}
