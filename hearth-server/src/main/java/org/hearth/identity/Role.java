package org.hearth.identity;

/** What a person may do within their organization. A person may hold several roles. */
public enum Role {
    MEMBER,
    CLINICIAN,
    RESPONDER,
    SUPERVISOR,
    TRAINEE,
    ORG_ADMIN;

    /** The Spring Security authority for this role, e.g. {@code ROLE_CLINICIAN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Staff roles: the ones that may, with consent, see member data or act on incidents. */
    public boolean isStaff() {
        return this == CLINICIAN || this == RESPONDER || this == SUPERVISOR || this == ORG_ADMIN;
    }

    /** The authority held by API keys, which act for an organization rather than a person. */
    public static final String API_CLIENT_AUTHORITY = "ROLE_API_CLIENT";
}
