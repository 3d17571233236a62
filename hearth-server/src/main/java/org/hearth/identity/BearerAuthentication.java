package org.hearth.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a bearer access token or an API key; the principal is the {@link Caller}. */
final class BearerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final @Nullable UUID familyId;

    BearerAuthentication(Caller caller, @Nullable UUID familyId) {
        super(authorities(caller));
        this.caller = caller;
        this.familyId = familyId;
        setAuthenticated(true);
    }

    static List<GrantedAuthority> authorities(Caller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        caller.roles().stream().sorted().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        if (caller.apiKeyId() != null) {
            authorities.add(new SimpleGrantedAuthority(Role.API_CLIENT_AUTHORITY));
        }
        return authorities;
    }

    /** The token family of a person's access token; null for an API key. */
    @Nullable
    UUID familyId() {
        return familyId;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public @Nullable Object getCredentials() {
        // The token is not kept: nothing downstream needs it, and it must not leak into logs.
        return null;
    }
}
