// The conversation page: sends a message with fetch and reads the reply as Server-Sent Events
// (risk, token..., done) from a ReadableStream, so the reply appears as it is written. Without
// this file (or when anything here fails before the message is sent) the form posts normally and
// the server renders the reply.
(function () {
  "use strict";

  function csrfHeaders() {
    var headers = {};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  // Splits a text/event-stream body into {event, data} records (data lines joined by newlines).
  function parseEvents(buffer, onEvent) {
    var records = buffer.split(/\r?\n\r?\n/);
    var rest = records.pop();
    records.forEach(function (record) {
      var event = "message";
      var data = [];
      record.split(/\r?\n/).forEach(function (line) {
        if (line.indexOf("event:") === 0) {
          event = line.slice(6).trim();
        } else if (line.indexOf("data:") === 0) {
          data.push(line.slice(5).replace(/^ /, ""));
        }
      });
      if (data.length || event !== "message") {
        onEvent(event, data.join("\n"));
      }
    });
    return rest;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) {
      el.className = className;
    }
    if (text !== undefined && text !== null) {
      el.textContent = text;
    }
    return el;
  }

  function exerciseCard(exercise) {
    var card = element("aside", "card card--gentle exercise-card");
    card.setAttribute("aria-label", "Suggested exercise");
    card.appendChild(element("p", "exercise-card__kicker", "Something you could try"));
    var link = element("a", "exercise-card__title", exercise.title);
    link.href = exercise.href;
    card.appendChild(link);
    card.appendChild(element("p", "exercise-card__purpose", exercise.purpose));
    var open = element("a", "button exercise-card__open", "Open the exercise");
    open.href = exercise.href;
    card.appendChild(open);
    return card;
  }

  // Loads the thread as the server renders it, scrolled to the latest turn. Assigning the same
  // address with only a new fragment would not load the page again, so that case reloads.
  function showThread(href) {
    if (window.location.pathname === href) {
      window.location.hash = "latest";
      window.location.reload();
    } else {
      window.location.assign(href + "#latest");
    }
  }

  function setUp(form) {
    var turns = document.getElementById("turns");
    var input = form.querySelector("textarea[name=text]");
    var send = form.querySelector("button[type=submit]");
    var status = document.getElementById("conversation-status");
    var phase = document.getElementById("phase");
    if (!turns || !input || !window.fetch || !window.ReadableStream || !window.TextDecoder) {
      return;
    }

    form.addEventListener("submit", function (event) {
      var text = input.value.trim();
      if (!text) {
        return;
      }
      event.preventDefault();
      send.disabled = true;
      status.textContent = "Sending…";

      var empty = document.querySelector(".conversation__empty");
      if (empty) {
        empty.remove();
      }
      var mine = element("li", "turn turn--member");
      mine.appendChild(element("p", "turn__who", "You"));
      mine.appendChild(element("p", "turn__text", text));
      turns.appendChild(mine);
      var reply = element("li", "turn turn--companion turn--streaming");
      reply.appendChild(element("p", "turn__who", "Hearth"));
      var replyText = element("p", "turn__text");
      reply.appendChild(replyText);
      turns.appendChild(reply);
      input.value = "";

      var headers = csrfHeaders();
      headers.Accept = "text/event-stream";
      headers["Content-Type"] = "application/x-www-form-urlencoded;charset=UTF-8";
      var body = new URLSearchParams();
      body.append("text", text);

      var finished = false;
      function onEvent(name, data) {
        if (name === "risk") {
          status.textContent = "Hearth is writing…";
        } else if (name === "token") {
          replyText.textContent += JSON.parse(data).text;
        } else if (name === "done") {
          finished = true;
          var done = JSON.parse(data);
          if (done.crisis) {
            // The crisis card is rendered by the server from the safety module's own fragment.
            showThread(done.threadHref);
            return;
          }
          reply.classList.remove("turn--streaming");
          if (done.phaseLabel && phase) {
            phase.textContent = done.phaseLabel;
          }
          if (done.exercise) {
            reply.appendChild(exerciseCard(done.exercise));
          }
          status.textContent = "Hearth replied.";
          send.disabled = false;
          input.focus();
        } else if (name === "problem") {
          finished = true;
          var problem = JSON.parse(data);
          reply.classList.remove("turn--streaming");
          replyText.textContent = problem.detail || "Something went wrong. Please try again.";
          status.textContent = "Your message could not be answered.";
          send.disabled = false;
          if (problem.type && /\/private-journal-locked$/.test(problem.type)) {
            // Nothing was kept: give the words back and the way to unlock.
            input.value = text;
            var unlock = element("a", "button", "Unlock my journal");
            unlock.href = "/unlock?next=" + encodeURIComponent(form.getAttribute("data-thread-href"));
            var actions = element("p");
            actions.appendChild(unlock);
            reply.appendChild(actions);
          }
        }
      }

      fetch(form.action, { method: "POST", headers: headers, body: body, credentials: "same-origin" })
        .then(function (response) {
          var type = response.headers.get("Content-Type") || "";
          if (!response.ok || type.indexOf("text/event-stream") !== 0) {
            throw new Error("status " + response.status);
          }
          var reader = response.body.getReader();
          var decoder = new TextDecoder();
          var buffer = "";
          function pump() {
            return reader.read().then(function (chunk) {
              if (chunk.done) {
                parseEvents(buffer + decoder.decode() + "\n\n", onEvent);
                return;
              }
              buffer = parseEvents(buffer + decoder.decode(chunk.value, { stream: true }), onEvent);
              return pump();
            });
          }
          return pump();
        })
        .then(function () {
          if (!finished) {
            throw new Error("stream ended early");
          }
        })
        .catch(function () {
          if (finished) {
            return;
          }
          // The message may or may not have been recorded: show the thread as the server has it.
          showThread(form.getAttribute("data-thread-href"));
        });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-conversation]");
    if (form) {
      setUp(form);
    }
  });
})();
