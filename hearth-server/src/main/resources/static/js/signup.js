// Fills the time-zone field from the browser, unless the person has already typed one.
(function () {
  "use strict";
  var field = document.querySelector("[data-browser-time-zone]");
  if (!field || field.value) {
    return;
  }
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      field.value = zone;
    }
  } catch (ignored) {
    // Older browsers without Intl time zones: the person types it.
  }
})();
