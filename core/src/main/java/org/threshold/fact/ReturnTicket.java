package org.threshold.fact;

/**
 * What ties the adversary to the observer's continent: "one hand on the doorknob of Europe".
 * Each part is a score in [0, 1].
 */
public record ReturnTicket(double finance, double recognition, double eliteAspiration, double negotiability) {

    /** No return ticket at all. */
    public static final ReturnTicket NONE = new ReturnTicket(0, 0, 0, 0);

    public ReturnTicket {
        Scores.requireScore("returnTicket.finance", finance);
        Scores.requireScore("returnTicket.recognition", recognition);
        Scores.requireScore("returnTicket.eliteAspiration", eliteAspiration);
        Scores.requireScore("returnTicket.negotiability", negotiability);
    }
}
