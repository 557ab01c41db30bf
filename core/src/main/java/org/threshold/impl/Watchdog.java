package org.threshold.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.BiFunction;

import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that watches every running assessment of every reasoner for its time limit.
 *
 * <p>Implementation notes: an assessment costs one thread-local read, one clock read and a few
 * volatile writes: it arms the slot of its thread ({@link #enter}) and disarms it ({@link Watch#exit}).
 * No task is scheduled per assessment; the watchdog thread scans the armed slots every few
 * milliseconds and sleeps while none has ever been armed. A slot past its deadline is moved from
 * RUNNING to EXPIRING by compare-and-set (so only a running assessment is touched), its thread's
 * stack is kept to name the rule that was running, and the engine is asked to stop
 * ({@link KieSession#halt()}, honoured between two firings) and the thread interrupted (which
 * ends a rule waiting or sleeping). Only then is the slot EXPIRED, and {@link Watch#exit} waits
 * for that, so that an interrupt never lands after the assessment is over. A slot that stays
 * EXPIRED past a grace period has a rule stuck in Java code that nothing can stop: the watchdog
 * hands the failure to the reasoner's handler once (STUCK) and leaves the thread alone.
 */
final class Watchdog {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    static final int IDLE = 0;
    static final int RUNNING = 1;
    static final int EXPIRING = 2;
    static final int EXPIRED = 3;
    static final int STUCK = 4;

    /** How often the armed slots are scanned at most. */
    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final List<Watch> WATCHES = new CopyOnWriteArrayList<>();
    private static final ThreadLocal<Watch> MINE = ThreadLocal.withInitial(() -> {
        Watch w = new Watch(Thread.currentThread());
        WATCHES.add(w);
        return w;
    });
    private static volatile long tickNanos = MAX_TICK_NANOS;
    private static volatile Thread thread;

    private Watchdog() {
    }

    /**
     * What to do with a rule stuck past the limit: the message to report, given the stack of the
     * stuck thread and the context given to {@link #enter}, and where to send it.
     */
    record OnStuck(BiFunction<StackTraceElement[], Object, String> message, Consumer<String> handler) {
    }

    /** Arms a watch on {@code session} for the calling thread, to expire {@code limitNanos} from now. */
    static Watch enter(KieSession session, long limitNanos, long graceNanos, OnStuck onStuck, Object context) {
        Watch w = MINE.get();
        if (w.state.get() != IDLE) {
            // an assessment inside an assessment on one thread: a watch of its own
            w = new Watch(Thread.currentThread());
            w.transient_ = true;
            WATCHES.add(w);
        }
        if (limitNanos / 8 < tickNanos) {
            tickNanos = Math.max(MIN_TICK_NANOS, limitNanos / 8);
        }
        w.session = session;
        w.onStuck = onStuck;
        w.context = context;
        w.grace = graceNanos;
        w.deadline = System.nanoTime() + limitNanos;
        w.state.set(RUNNING);
        if (thread == null) {
            start();
        }
        return w;
    }

    private static synchronized void start() {
        if (thread == null) {
            Thread t = new Thread(Watchdog::run, "threshold-watchdog");
            t.setDaemon(true);
            t.start();
            thread = t;
        }
    }

    private static void run() {
        while (true) {
            LockSupport.parkNanos(tickNanos);
            long now = System.nanoTime();
            for (Watch w : WATCHES) {
                try {
                    w.check(now);
                } catch (RuntimeException | Error e) {
                    LOG.error("the time limit watchdog failed on one assessment", e);
                }
                if (!w.thread.isAlive() && w.state.get() == IDLE) {
                    WATCHES.remove(w);
                }
            }
        }
    }

    /** The watch of one thread's running assessment. */
    static final class Watch {
        final Thread thread;
        final AtomicInteger state = new AtomicInteger(IDLE);
        volatile KieSession session;
        volatile long deadline;
        volatile long grace;
        volatile OnStuck onStuck;
        volatile Object context;
        volatile StackTraceElement[] stack;
        boolean transient_;

        Watch(Thread thread) {
            this.thread = thread;
        }

        void check(long now) {
            int s = state.get();
            if (s == RUNNING && now - deadline > 0 && state.compareAndSet(RUNNING, EXPIRING)) {
                try {
                    stack = thread.getStackTrace();
                    session.halt();
                    thread.interrupt();
                } finally {
                    state.set(EXPIRED);
                }
            } else if (s == EXPIRED && now - deadline - grace > 0 && state.compareAndSet(EXPIRED, STUCK)) {
                OnStuck handler = onStuck;
                handler.handler().accept(handler.message().apply(thread.getStackTrace(), context));
            }
        }

        /**
         * Disarms the watch; returns the stack of the thread when it expired, or null where the
         * assessment finished in time. After an expiry, the interrupt it caused is cleared.
         */
        StackTraceElement[] exit() {
            if (state.compareAndSet(RUNNING, IDLE)) {
                session = null;
                context = null;
                if (transient_) {
                    WATCHES.remove(this);
                }
                return null;
            }
            while (state.get() == EXPIRING) {
                Thread.onSpinWait();
            }
            state.set(IDLE);
            session = null;
            context = null;
            if (transient_) {
                WATCHES.remove(this);
            }
            Thread.interrupted();
            StackTraceElement[] at = stack;
            stack = null;
            return at == null ? new StackTraceElement[0] : at;
        }
    }
}
