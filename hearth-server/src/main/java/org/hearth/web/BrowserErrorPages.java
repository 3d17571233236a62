package org.hearth.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.hearth.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Browsers get the friendly error page, not a problem-details document, for the errors Spring MVC
 * answers itself (an unknown address above all). Only requests that accept HTML reach these
 * handlers; API clients keep getting {@code application/problem+json}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BrowserErrorPages {

    private final LayoutAttributes layout;

    BrowserErrorPages(LayoutAttributes layout) {
        this.layout = layout;
    }

    @ExceptionHandler(
            exception = {
                NoResourceFoundException.class,
                NoHandlerFoundException.class,
                HttpRequestMethodNotSupportedException.class,
                ErrorResponseException.class
            },
            produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView errorPage(Exception exception, HttpServletRequest request) {
        HttpStatusCode status = ((ErrorResponse) exception).getStatusCode();
        // Exception handlers do not get the layout's model attributes, so they are added here.
        Caller caller = signedInCaller();
        return new ModelAndView(
                "error",
                Map.of(
                        "status", status.value(),
                        "signedIn", LayoutAttributes.isPerson(caller),
                        "navigation", layout.navigation(caller, request)),
                status);
    }

    private static @Nullable Caller signedInCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
    }
}
