package org.threshold.rules;

import java.util.List;

/** The names the default pack computes and concludes, as rules, reports and tests cite them. */
public final class EssayModel {

    private EssayModel() {
    }

    public static final String RETURN_TICKET = "returnTicket";
    public static final String HARDLINER_INFLUENCE = "hardlinerInfluence";
    public static final String HUMILIATION = "humiliation";
    public static final String RESTRAINT_TOLERANCE = "restraintTolerance";
    public static final String RESTRAINT_EROSION_METRIC = "restraintErosion";
    public static final String EFFECTIVE_HARDLINER_INFLUENCE = "effectiveHardlinerInfluence";
    public static final String EFFECTIVE_RETURN_TICKET = "effectiveReturnTicket";
    public static final String THREAT_CREDIBILITY = "threatCredibility";
    public static final String OBSERVER_CONFIDENCE = "observerConfidence";
    public static final String STRAIN = "strain";
    public static final String ESCALATION_RISK = "escalationRisk";

    /** The eleven metrics of MODEL.md, in its order. */
    public static final List<String> METRICS = List.of(RETURN_TICKET, HARDLINER_INFLUENCE, HUMILIATION,
            RESTRAINT_TOLERANCE, RESTRAINT_EROSION_METRIC, EFFECTIVE_HARDLINER_INFLUENCE, EFFECTIVE_RETURN_TICKET,
            THREAT_CREDIBILITY, OBSERVER_CONFIDENCE, STRAIN, ESCALATION_RISK);

    public static final String RESTRAINT_EROSION = "RESTRAINT_EROSION";
    public static final String FACTION_SHIFT = "FACTION_SHIFT";
    public static final String BOUNDED_ADVERSARY = "BOUNDED_ADVERSARY";
    public static final String THREATS_DISCOUNTED = "THREATS_DISCOUNTED";
    public static final String OBSERVER_READS_BOUNDED = "OBSERVER_READS_BOUNDED";
    public static final String OBSERVER_EXPECTS_LONG_WAR = "OBSERVER_EXPECTS_LONG_WAR";
    public static final String MISCALIBRATION = "MISCALIBRATION";
    public static final String INWARD_CRACK_LIKELY = "INWARD_CRACK_LIKELY";
    public static final String OUTWARD_LEAP_RISK = "OUTWARD_LEAP_RISK";
    public static final String RISK_TRANSFERRED_TO_PROXY = "RISK_TRANSFERRED_TO_PROXY";

    /** The ten conclusions of MODEL.md, in its order. */
    public static final List<String> CONCLUSIONS = List.of(RESTRAINT_EROSION, FACTION_SHIFT, BOUNDED_ADVERSARY,
            THREATS_DISCOUNTED, OBSERVER_READS_BOUNDED, OBSERVER_EXPECTS_LONG_WAR, MISCALIBRATION, INWARD_CRACK_LIKELY,
            OUTWARD_LEAP_RISK, RISK_TRANSFERRED_TO_PROXY);
}
