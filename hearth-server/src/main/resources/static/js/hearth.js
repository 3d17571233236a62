// Small progressive enhancements shared by every page. Pages work without this file.
(function () {
  "use strict";

  // Spring Security expects the CSRF token in a header on htmx's unsafe requests.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header && event.detail.verb !== "get") {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Move focus to an error summary so screen readers read it and keyboard users start there.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) {
      summary.focus();
    }
  });
})();
