package org.hearth.safety;

/** Where an incident stands: OPEN until a responder acknowledges it, RESOLVED with an outcome. */
enum IncidentStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
