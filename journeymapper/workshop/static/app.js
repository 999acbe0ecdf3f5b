"use strict";
// The participant page: join, add touchpoints to open stages, see the map, vote, see the
// timer. Everything a person typed is put on the page as text (textContent), never as
// markup, so a name like <img src=x onerror=…> shows exactly as typed.
(function () {
  const $ = (id) => document.getElementById(id);
  const state = {
    map: { title: "", scale: { min: -2, max: 2, labels: [] }, stages: [], cards: new Map() },
    round: { running: false, left: 0, mine: {}, done: false, votes_each: 0 },
    results: { number: 0, tallies: {}, total: 0 },
    progress: null,
    timer: null, // { deadline: performance.now() time, running }
  };
  let drawing = false;

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function emotionLabel(value) {
    if (value === null || value === undefined) return "";
    const scale = state.map.scale;
    const label = scale.labels && scale.labels[value - scale.min];
    return label || (value > 0 ? "+" + value : String(value));
  }

  function emotionClass(value) {
    if (value === null || value === undefined) return "";
    return value > 0 ? "good" : value < 0 ? "bad" : "neutral";
  }

  // ----- drawing ------------------------------------------------------------------

  function redraw() {
    if (drawing) return;
    drawing = true;
    requestAnimationFrame(() => {
      drawing = false;
      drawStages();
      drawVoting();
      drawResults();
    });
  }

  function sortedCards(stageId) {
    return Array.from(state.map.cards.values())
      .filter((c) => c.stage === stageId)
      .sort((a, b) => a.pos[0] - b.pos[0] || a.pos[1] - b.pos[1] || a.pos[2] - b.pos[2]);
  }

  function drawStages() {
    const box = $("stages");
    const open = [];
    box.replaceChildren();
    for (const stage of state.map.stages) {
      if (stage.open) open.push(stage);
      const cards = sortedCards(stage.id);
      const list = el("ul", { className: "cards" }, ...cards.map(cardItem));
      const title = el("h3", { textContent: stage.name });
      const count = el("span", { className: "count", textContent: cards.length + " cards" });
      const header = el("div", { className: "stage-head" }, title, count);
      header.style.borderColor = stage.color;
      const section = el("section", { className: "stage" }, header, list);
      section.setAttribute("aria-label", "Stage " + stage.name);
      box.append(section);
    }
    drawStageChoice(open);
  }

  function drawStageChoice(open) {
    const select = $("add-stage");
    const chosen = select.value;
    select.replaceChildren(...open.map((s) => el("option", { value: s.id, textContent: s.name })));
    if (open.some((s) => s.id === chosen)) select.value = chosen;
    $("add-form").hidden = open.length === 0;
    $("add-closed").hidden = open.length !== 0;
  }

  function cardItem(card) {
    const item = el("li", { className: "card" + (card.room ? " room" : "") });
    item.dataset.id = card.id;
    item.append(el("span", { className: "name", textContent: card.name }));
    if (card.emotion !== null && card.emotion !== undefined) {
      const label = emotionLabel(card.emotion);
      item.append(el("span", { className: "emotion " + emotionClass(card.emotion), textContent: label }));
    }
    for (const pain of card.pain || []) {
      item.append(el("p", { className: "pain", textContent: "Pain point: " + pain }));
    }
    const revealed = state.results.tallies[card.id];
    if (!state.round.running && revealed) {
      item.append(el("p", { className: "tally", textContent: revealed + (revealed === 1 ? " vote" : " votes") }));
    }
    if (state.round.running) item.append(voteControls(card));
    return item;
  }

  function voteControls(card) {
    const mine = state.round.mine[card.id] || 0;
    const up = el("button", { type: "button", className: "vote", textContent: "Vote" });
    up.setAttribute("aria-label", "Vote for " + card.name);
    up.disabled = state.round.left <= 0;
    up.addEventListener("click", () => vote(card.id, 1));
    const down = el("button", { type: "button", className: "unvote", textContent: "−" });
    down.setAttribute("aria-label", "Take back a vote from " + card.name);
    down.disabled = mine <= 0;
    down.addEventListener("click", () => vote(card.id, -1));
    const dots = el("span", { className: "mine", textContent: mine ? "Your votes: " + mine : "" });
    return el("div", { className: "votes" }, up, down, dots);
  }

  function drawVoting() {
    const round = state.round;
    $("voting").hidden = !round.running;
    if (!round.running) return;
    $("votes-left").textContent =
      "Votes left: " + round.left + " of " + round.votes_each;
    const done = $("done-button");
    done.setAttribute("aria-pressed", String(round.done));
    done.textContent = round.done ? "Done ✓" : "I'm done";
    const p = state.progress;
    $("progress").textContent = p
      ? p.cast + (p.cast === 1 ? " vote" : " votes") + " cast · " + p.finished + " of " + p.people + " finished"
      : "";
  }

  function drawResults() {
    const tallies = state.results.tallies;
    const ranked = Object.keys(tallies).sort((a, b) => tallies[b] - tallies[a]);
    $("results").hidden = state.round.running || ranked.length === 0;
    $("results-list").replaceChildren(
      ...ranked.slice(0, 10).map((id) => {
        const card = state.map.cards.get(id);
        const name = card ? card.name : "(deleted card)";
        return el("li", { textContent: name + " — " + tallies[id] + (tallies[id] === 1 ? " vote" : " votes") });
      }),
    );
  }

  function drawEmotionChoices() {
    const box = $("emotion-choices");
    const scale = state.map.scale;
    const choice = (value, text) => {
      const input = el("input", { type: "radio", name: "emotion", value: value, id: "emotion-" + value });
      const label = el("label", { htmlFor: input.id, textContent: text });
      return el("span", { className: "choice" }, input, label);
    };
    const choices = [choice("", "Not set")];
    for (let v = scale.min; v <= scale.max; v++) choices.push(choice(String(v), emotionLabel(v)));
    box.replaceChildren(...choices);
    box.querySelector("input").checked = true;
  }

  // ----- the timer: the server sends its end time and its clock; we count locally --------

  function setTimer(message) {
    if (message.ends_at === null) {
      state.timer = null;
    } else {
      state.timer = { deadline: performance.now() + (message.ends_at - message.now) };
    }
    tick();
  }

  function tick() {
    const box = $("timer");
    if (!state.timer) {
      box.hidden = true;
      return;
    }
    const left = Math.max(0, Math.round((state.timer.deadline - performance.now()) / 1000));
    const text = String(Math.floor(left / 60)).padStart(2, "0") + ":" + String(left % 60).padStart(2, "0");
    box.hidden = false;
    box.textContent = left > 0 ? text : "Time's up";
    box.classList.toggle("over", left === 0);
    box.setAttribute("aria-label", left > 0 ? "Time left " + text : "Time is up");
  }

  // ----- messages -------------------------------------------------------------------------

  function received(message) {
    switch (message.type) {
      case "welcome":
        $("join").hidden = true;
        $("main").hidden = false;
        break;
      case "map":
        state.map.title = message.title;
        state.map.scale = message.scale;
        state.map.stages = message.stages;
        state.map.cards = new Map(message.cards.map((c) => [c.id, c]));
        $("title").textContent = message.title || "Journey workshop";
        drawEmotionChoices();
        break;
      case "stages":
        state.map.stages = message.stages;
        break;
      case "card":
        state.map.cards.set(message.card.id, message.card);
        break;
      case "card_removed":
        state.map.cards.delete(message.id);
        break;
      case "round":
        state.round = message;
        break;
      case "results":
        state.results = message;
        break;
      case "progress":
        state.progress = message;
        break;
      case "timer":
        setTimer(message);
        break;
      case "ack":
        if (!message.ok) $("add-message").textContent = message.error;
        break;
      case "ended":
        $("main").hidden = true;
        $("join").hidden = true;
        $("ended").hidden = false;
        break;
      case "error":
        if (!message.rate) $("add-message").textContent = message.message;
        break;
    }
    redraw();
  }

  function stateChanged(connection, pending) {
    const waiting = pending ? " " + pending + (pending === 1 ? " change waits" : " changes wait") + " to be sent." : "";
    const texts = {
      connecting: "Connecting…",
      online: pending ? "Sending " + pending + "…" : "Connected.",
      reconnecting: "Connection lost; reconnecting…" + waiting,
      offline: "You are offline." + (waiting || " Your changes will be sent when you are back."),
      ended: "The session has ended.",
      full: "The workshop is full; ask the facilitator.",
    };
    const status = $("status");
    status.textContent = texts[connection] || connection;
    status.className = "status " + connection;
  }

  function vote(cardId, direction) {
    link.send({ type: direction > 0 ? "vote" : "unvote", card: cardId });
    // Shown at once; the server's answer (the round message) has the last word.
    const round = state.round;
    if (direction > 0 && round.left > 0) {
      round.left -= 1;
      round.mine[cardId] = (round.mine[cardId] || 0) + 1;
    } else if (direction < 0 && round.mine[cardId]) {
      round.left += 1;
      round.mine[cardId] -= 1;
    }
    redraw();
  }

  const link = new window.JourneyLink("participant", received, stateChanged);

  $("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    link.join($("join-name").value.trim());
  });

  $("add-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = $("add-name").value.trim();
    if (!name) return;
    const chosen = document.querySelector("input[name=emotion]:checked");
    const emotion = chosen && chosen.value !== "" ? Number(chosen.value) : null;
    link.send({ type: "add", stage: $("add-stage").value, name: name, emotion: emotion, pain: $("add-pain").value.trim() });
    $("add-name").value = "";
    $("add-pain").value = "";
    $("add-message").textContent =
      link.state === "online" ? "Added “" + name + "”." : "“" + name + "” will be sent when you are back online.";
    const none = document.querySelector("input[name=emotion]");
    if (none) none.checked = true;
  });

  $("done-button").addEventListener("click", () => {
    state.round.done = !state.round.done;
    link.send({ type: "done", done: state.round.done });
    redraw();
  });

  setInterval(tick, 250);
  if (link.joined) {
    $("join").hidden = true;
    link.connect();
  } else {
    $("join").hidden = false;
    $("status").textContent = "";
  }
  stateChanged(link.joined ? "connecting" : "", link.pending);
})();
