// Exercise pages: a spoken-free count for the breathing pacer, and the thought record one part per
// screen. Both pages work without this file (a static count; one long form).
(function () {
  "use strict";

  function startPacer(pacer) {
    var seconds = parseInt(pacer.getAttribute("data-seconds"), 10);
    var live = pacer.querySelector(".pacer__live");
    var still = pacer.querySelector(".pacer__static");
    var again = pacer.querySelector(".pacer__again");
    if (!seconds || !live) {
      return;
    }
    var count = 1;
    still.hidden = true;
    live.hidden = false;
    again.hidden = true;
    live.textContent = String(count);
    pacer.classList.remove("pacer--running");
    // Restart the CSS animation from the beginning.
    void pacer.offsetWidth;
    pacer.classList.add("pacer--running");
    var timer = window.setInterval(function () {
      count += 1;
      if (count > seconds) {
        window.clearInterval(timer);
        live.textContent = "Done";
        pacer.classList.remove("pacer--running");
        pacer.classList.add("pacer--finished");
        again.hidden = false;
        return;
      }
      live.textContent = String(count);
    }, 1000);
  }

  function setUpPacers() {
    document.querySelectorAll(".pacer[data-seconds]").forEach(function (pacer) {
      var again = pacer.querySelector(".pacer__again");
      if (again) {
        again.addEventListener("click", function () {
          pacer.classList.remove("pacer--finished");
          startPacer(pacer);
        });
      }
      startPacer(pacer);
    });
  }

  function button(text, className) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = text;
    return b;
  }

  function setUpStepper(form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll(".stepper__step"));
    var progress = form.querySelector(".stepper__progress");
    var save = form.querySelector(".stepper__save");
    var actions = form.querySelector(".stepper__actions");
    if (steps.length < 2 || !actions) {
      return;
    }
    var back = button("Back", "button button--secondary");
    var next = button("Next", "button");
    actions.insertBefore(next, save);
    actions.appendChild(back);
    var current = 0;

    function show(index, moveFocus) {
      current = index;
      steps.forEach(function (step, i) {
        step.hidden = i !== index;
      });
      var last = index === steps.length - 1;
      next.hidden = last;
      save.hidden = !last;
      back.hidden = index === 0;
      progress.hidden = false;
      progress.textContent = "Part " + (index + 1) + " of " + steps.length;
      if (moveFocus) {
        var field = steps[index].querySelector("textarea, input");
        if (field) {
          field.focus();
        }
      }
    }

    function currentIsValid() {
      var fields = steps[current].querySelectorAll("textarea, input");
      for (var i = 0; i < fields.length; i++) {
        if (!fields[i].checkValidity()) {
          fields[i].reportValidity();
          return false;
        }
      }
      return true;
    }

    next.addEventListener("click", function () {
      if (currentIsValid()) {
        show(current + 1, true);
      }
    });
    back.addEventListener("click", function () {
      show(current - 1, true);
    });
    // A browser that finds an invalid field on submit shows the part that holds it.
    form.addEventListener(
      "invalid",
      function (event) {
        var index = steps.findIndex(function (step) {
          return step.contains(event.target);
        });
        if (index >= 0 && index !== current) {
          show(index, false);
        }
      },
      true
    );
    show(0, false);
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpPacers();
    document.querySelectorAll("form[data-stepper]").forEach(setUpStepper);
  });
})();
