"use strict";
// The facilitator page: who is here, capture per stage, voting rounds, the timer.
// Names are put on the page as text only.
(function () {
  const $ = (id) => document.getElementById(id);
  let deadline = null;
  let room = null;

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children) node.append(child);
    return node;
  }

  function drawRoom() {
    if (!room) return;
    $("people-summary").textContent =
      room.people.length + " joined · " + room.online + " online · " + room.finished + " finished voting";
    $("people").replaceChildren(
      ...room.people.map((p) =>
        el("tr", {},
          el("td", { textContent: p.name }),
          el("td", { textContent: p.online ? "online" : "offline" }),
          el("td", { textContent: room.round_running ? (p.done ? "yes" : "no (" + p.used + " used)") : "—" }),
        ),
      ),
    );
    $("capture-stages").replaceChildren(
      ...room.stages.map((s) => {
        const box = el("input", { type: "checkbox", id: "capture-" + s.id, checked: s.open });
        box.addEventListener("change", () => send({ type: "capture", stage: s.id, open: box.checked }));
        const label = el("label", { htmlFor: box.id, textContent: s.name });
        box.setAttribute("aria-label", "Participants may add touchpoints to " + s.name);
        return el("span", { className: "choice" }, box, label);
      }),
    );
    const running = room.round_running;
    $("round-start").disabled = running;
    $("round-votes").disabled = !running;
    $("round-end").disabled = !running;
    $("round-state").textContent = running
      ? "Round " + room.round_number + " running: " + room.votes_each + " votes each, " + room.cast + " cast, " +
        room.finished + " of " + room.people.length + " finished."
      : room.round_number ? "Round " + room.round_number + " ended; the counts are revealed." : "No round yet.";
    $("results-list").replaceChildren(
      ...room.results.map((r) => el("li", { textContent: r.name + " — " + r.votes + (r.votes === 1 ? " vote" : " votes") })),
    );
  }

  function tick() {
    const box = $("timer");
    if (deadline === null) {
      box.hidden = true;
      return;
    }
    const left = Math.max(0, Math.round((deadline - performance.now()) / 1000));
    const text = String(Math.floor(left / 60)).padStart(2, "0") + ":" + String(left % 60).padStart(2, "0");
    box.hidden = false;
    box.textContent = left > 0 ? text : "Time's up";
    box.setAttribute("aria-label", left > 0 ? "Time left " + text : "Time is up");
  }

  function received(message) {
    if (message.type === "room") {
      room = message;
      drawRoom();
    } else if (message.type === "timer") {
      deadline = message.ends_at === null ? null : performance.now() + (message.ends_at - message.now);
      tick();
    } else if (message.type === "map") {
      $("title").textContent = "Facilitate: " + (message.title || "the workshop");
    } else if (message.type === "ended") {
      $("main").hidden = true;
      $("ended").hidden = false;
    } else if (message.type === "ack" && !message.ok) {
      $("round-state").textContent = message.error;
    }
  }

  function stateChanged(connection) {
    const texts = { online: "Connected.", offline: "You are offline.", reconnecting: "Reconnecting…", ended: "The session has ended." };
    $("status").textContent = texts[connection] || "Connecting…";
    $("status").className = "status " + connection;
  }

  const link = new window.JourneyLink("facilitator", received, stateChanged);
  const send = (message) => link.send(message);
  const number = (id) => Math.max(1, Math.round(Number($(id).value) || 1));

  $("open-all").addEventListener("click", () => send({ type: "capture", stage: null, open: true }));
  $("close-all").addEventListener("click", () => send({ type: "capture", stage: null, open: false }));
  $("round-start").addEventListener("click", () => send({ type: "round_start", votes: number("votes-each") }));
  $("round-votes").addEventListener("click", () => send({ type: "round_votes", votes: number("votes-each") }));
  $("round-end").addEventListener("click", () => send({ type: "round_end" }));
  $("timer-start").addEventListener("click", () => send({ type: "timer_start", seconds: number("timer-minutes") * 60 }));
  $("timer-stop").addEventListener("click", () => send({ type: "timer_stop" }));
  setInterval(tick, 250);
  link.join("");
})();
