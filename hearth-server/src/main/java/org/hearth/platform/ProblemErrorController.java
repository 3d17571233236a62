package org.hearth.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The {@code /error} fallback for errors that never reached a controller (a filter that failed, a
 * {@code sendError} from the container). It replaces Spring Boot's Whitelabel controller: API and
 * JSON clients get a problem, a browser gets the {@code error} page. It never shows an exception
 * message or a stack trace.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    private final TraceIds traceIds;

    ProblemErrorController(TraceIds traceIds) {
        this.traceIds = traceIds;
    }

    @RequestMapping
    Object error(HttpServletRequest request) {
        int status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem;
        if (status >= 500) {
            Object known = request.getAttribute(ErrorPages.TRACE_ID_ATTRIBUTE);
            problem = ErrorPages.unexpected(known instanceof String id ? id : traceIds.current());
            problem.setStatus(status);
        } else {
            problem = ErrorPages.forStatus(status);
        }
        if (ErrorPages.wantsHtml(path, request.getHeader(HttpHeaders.ACCEPT))) {
            return new ModelAndView(
                    "error",
                    Map.of(
                            "status", status,
                            "title", String.valueOf(problem.getTitle()),
                            "detail", String.valueOf(problem.getDetail())),
                    HttpStatusCode.valueOf(status));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && value >= 400) {
            return value;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR.value();
    }
}
