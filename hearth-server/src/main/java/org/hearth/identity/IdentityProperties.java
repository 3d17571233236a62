package org.hearth.identity;

import java.time.Duration;
import org.hearth.platform.RateLimits.Limit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code hearth.identity.*}).
 *
 * @param accessTokenTtl how long a bearer access token works (default 15 minutes)
 * @param refreshTokenTtl how long a refresh token may be exchanged (default 30 days)
 * @param limits rate limits on the public sign-in paths
 * @param totpIssuer the issuer name authenticator apps show next to the account
 */
@ConfigurationProperties("hearth.identity")
record IdentityProperties(
        @Nullable Duration accessTokenTtl,
        @Nullable Duration refreshTokenTtl,
        @Nullable Limits limits,
        @Nullable String totpIssuer) {

    IdentityProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
        limits = limits == null ? new Limits(null, null, null, null) : limits;
        totpIssuer = totpIssuer == null || totpIssuer.isBlank() ? "Hearth" : totpIssuer;
    }

    Duration accessTtl() {
        return java.util.Objects.requireNonNull(accessTokenTtl);
    }

    Duration refreshTtl() {
        return java.util.Objects.requireNonNull(refreshTokenTtl);
    }

    Limits rateLimits() {
        return java.util.Objects.requireNonNull(limits);
    }

    String issuer() {
        return java.util.Objects.requireNonNull(totpIssuer);
    }

    /**
     * @param loginPerAccount sign-in attempts per email (default 5 a minute)
     * @param loginPerIp sign-in attempts per client address (default 20 a minute)
     * @param registerPerIp registrations per client address (default 10 a minute)
     * @param refreshPerIp token refreshes per client address (default 60 a minute)
     */
    record Limits(
            @Nullable Limit loginPerAccount,
            @Nullable Limit loginPerIp,
            @Nullable Limit registerPerIp,
            @Nullable Limit refreshPerIp) {

        Limits {
            loginPerAccount = loginPerAccount == null ? Limit.perMinute(5) : loginPerAccount;
            loginPerIp = loginPerIp == null ? Limit.perMinute(20) : loginPerIp;
            registerPerIp = registerPerIp == null ? Limit.perMinute(10) : registerPerIp;
            refreshPerIp = refreshPerIp == null ? Limit.perMinute(60) : refreshPerIp;
        }
    }
}
