package org.hearth.safety;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * A read-only count of unresolved incidents per member, for dashboards that flag risk (the care
 * team's caseload). Says how many, never what: no levels, signals or notes leave the safety module
 * this way.
 */
public interface OpenIncidents {

    /**
     * How many incidents of each given member of the organization are open or acknowledged but not
     * yet resolved; members with none are absent from the map.
     */
    Map<UUID, Integer> unresolvedByMember(UUID organizationId, Collection<UUID> memberIds);
}
