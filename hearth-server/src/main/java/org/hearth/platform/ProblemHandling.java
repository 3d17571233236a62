package org.hearth.platform;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error raised inside Spring MVC into an RFC 9457 problem. Details are written here, not
 * taken from exception messages, because those can echo what a member typed (Jackson quotes the
 * offending input, converters quote the rejected value). A browser asking for an HTML page gets the
 * friendly error page through {@code /error} instead.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final TraceIds traceIds;

    // Takes the tracer rather than the TraceIds bean so MVC test slices, which load advice but not
    // components, can still build it.
    ProblemHandling(ObjectProvider<Tracer> tracer) {
        this.traceIds = new TraceIds(tracer);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem(ex, errorsOf(ex.getBindingResult()), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new TreeMap<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors parameterErrors) {
                errors.putAll(errorsOf(parameterErrors));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors()
                        .forEach(error -> add(errors, name == null ? "parameter" : name, message(error)));
            }
        });
        return validationProblem(ex, errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The request body is missing, is not valid JSON, or has a value of the wrong type.");
        problem.setType(Problems.type("malformed-request"));
        problem.setTitle("Malformed request");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The value of '" + (name == null ? "a parameter" : name) + "' has the wrong type.");
        problem.setType(Problems.type("malformed-request"));
        problem.setTitle("Malformed request");
        // The instance would default to the request path, which holds the rejected value: use the route.
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        if (servletRequest != null
                && servletRequest.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
                        instanceof String route) {
            problem.setInstance(URI.create(route.replace("{", "%7B").replace("}", "%7D")));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The default detail repeats the path; a generic one is enough and repeats nothing.
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Nothing exists at this address.");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
    }

    /**
     * A locked private journal: a browser viewing a page goes to the unlock page and comes back, any
     * other request gets 423. Other reasons are bugs or tampering, handled as unexpected.
     */
    @ExceptionHandler(DataProtectionException.class)
    @Nullable
    ResponseEntity<Object> handleDataProtection(DataProtectionException ex, WebRequest request) throws Exception {
        if (ex.reason() != DataProtectionException.Reason.LOCKED) {
            return handleUnexpected(ex, request);
        }
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        if (servletRequest != null
                && "GET".equals(servletRequest.getMethod())
                && ErrorPages.wantsHtml(servletRequest.getRequestURI(), servletRequest.getHeader(HttpHeaders.ACCEPT))) {
            String next = URLEncoder.encode(servletRequest.getRequestURI(), StandardCharsets.UTF_8);
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(Problems.UNLOCK_PAGE + "?next=" + next))
                    .build();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.LOCKED,
                "Your private journal is locked. Unlock it with your password to read or write in it.");
        problem.setType(Problems.type(Problems.PRIVATE_JOURNAL_LOCKED));
        problem.setTitle("Private journal locked");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.LOCKED, request);
    }

    /**
     * The last resort. Security exceptions go back to Spring Security, which owns 401 and 403. Anything
     * else is a bug: the client learns only the trace id, the log gets the class and stack but not the
     * message, which may quote member text.
     */
    @ExceptionHandler(Exception.class)
    @Nullable
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex;
        }
        if (ex instanceof AsyncRequestNotUsableException) {
            // The client went away mid-answer: nothing to tell it and nothing broken on our side.
            return null;
        }
        String traceId = traceIds.current();
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        String route = servletRequest == null
                ? "?"
                : servletRequest.getMethod() + " "
                        + String.valueOf(servletRequest.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        log.error(
                "Unexpected {} while handling {} (trace {})",
                ex.getClass().getName(),
                route,
                traceId,
                RedactedThrowable.of(ex));
        ProblemDetail problem = ErrorPages.unexpected(traceId);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        HttpServletResponse servletResponse = ((NativeWebRequest) request).getNativeResponse(HttpServletResponse.class);
        if (servletRequest != null
                && servletResponse != null
                && !servletResponse.isCommitted()
                && ErrorPages.wantsHtml(servletRequest.getRequestURI(), servletRequest.getHeader(HttpHeaders.ACCEPT))) {
            try {
                headers.forEach((name, values) -> values.forEach(value -> servletResponse.addHeader(name, value)));
                servletResponse.sendError(statusCode.value());
                return null;
            } catch (IOException e) {
                log.debug("Could not send the error page", e);
            }
        }
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        HttpHeaders writable = new HttpHeaders();
        writable.addAll(headers);
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
                problem.setType(Problems.type(ErrorPages.slug(statusCode.value())));
            }
            writable.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.handleExceptionInternal(ex, body, writable, statusCode, request);
    }

    private @Nullable ResponseEntity<Object> validationProblem(
            Exception ex, Map<String, String> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "One or more fields are not valid.");
        problem.setType(Problems.type("validation"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Map<String, String> errorsOf(Errors result) {
        Map<String, String> errors = new TreeMap<>();
        for (FieldError error : result.getFieldErrors()) {
            add(errors, error.getField(), message(error));
        }
        result.getGlobalErrors().forEach(error -> add(errors, error.getObjectName(), message(error)));
        return errors;
    }

    private static void add(Map<String, String> errors, String field, String message) {
        errors.merge(field, message, (first, second) -> first + "; " + second);
    }

    private static String message(MessageSourceResolvable error) {
        // Constraint messages are templates we control; a rejected value is never part of them.
        String message = error.getDefaultMessage();
        return message == null ? "is not valid" : message;
    }
}
