package org.hearth.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The web form's sign-in (POST /signin with {@code email}, {@code password} and, once enrolled,
 * {@code totp}): the same {@link SignIn} as the API, so the same rate limits, second factor and
 * audit entries apply. The session's principal is the same {@link Caller} the API uses.
 */
final class FormSignIn implements AuthenticationProvider {

    private final SignIn signIn;

    FormSignIn(SignIn signIn) {
        this.signIn = signIn;
    }

    /** What the form sends besides email and password, captured from the request. */
    record Details(
            @Nullable String remoteAddress,
            @Nullable String totp,
            @Nullable String username) implements Serializable {

        static Details of(HttpServletRequest request) {
            return new Details(request.getRemoteAddr(), request.getParameter("totp"), request.getParameter("username"));
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Details details = authentication.getDetails() instanceof Details d ? d : new Details(null, null, null);
        String email = authentication.getName();
        if ((email == null || email.isBlank()) && details.username() != null) {
            email = details.username();
        }
        Object credentials = authentication.getCredentials();
        try {
            Caller caller = signIn.authenticate(
                    email,
                    credentials == null ? null : credentials.toString(),
                    details.totp(),
                    details.remoteAddress());
            return UsernamePasswordAuthenticationToken.authenticated(
                    caller, null, BearerAuthentication.authorities(caller));
        } catch (IdentityException e) {
            if (e.status.value() == 429) {
                throw new Limited(e.getMessage());
            }
            if (e.needsSecondFactor()) {
                throw new SecondFactorNeeded(e.getMessage());
            }
            throw new BadCredentialsException(e.getMessage());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * Sends the browser back to the form with a flag the page can explain: {@code ?error} for wrong
     * credentials, {@code ?totp} when the authenticator code is needed (or was wrong), {@code ?limited}
     * after too many attempts.
     */
    static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String flag = exception instanceof SecondFactorNeeded
                    ? "totp"
                    : exception instanceof Limited ? "limited" : "error";
            response.sendRedirect(request.getContextPath() + "/signin?" + flag);
        };
    }

    static final class SecondFactorNeeded extends AuthenticationException {
        @Serial
        private static final long serialVersionUID = 1L;

        SecondFactorNeeded(String message) {
            super(message);
        }
    }

    static final class Limited extends AuthenticationException {
        @Serial
        private static final long serialVersionUID = 1L;

        Limited(String message) {
            super(message);
        }
    }
}
