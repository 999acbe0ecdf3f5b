"use strict";
// The page's one connection to the workshop. It reconnects by itself, keeps what the
// person did while offline in an outbox (saved in the browser, so a reload keeps it
// too), and delivers each change exactly once: every change carries an idempotency key,
// stays in the outbox until the server acknowledges that key, and the server answers a
// key it has seen with its earlier reply instead of applying it again.
(function () {
  const token = new URLSearchParams(location.search).get("token") || "";
  const WINDOW = 8; // changes in flight at once; the rest wait for acknowledgements

  function randomId(bytes) {
    const a = new Uint8Array(bytes);
    crypto.getRandomValues(a);
    return Array.from(a, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function load(name, fallback) {
    try {
      const text = localStorage.getItem(name);
      return text === null ? fallback : JSON.parse(text);
    } catch (e) {
      return fallback;
    }
  }

  function save(name, value) {
    try {
      localStorage.setItem(name, JSON.stringify(value));
    } catch (e) {
      /* private mode: the outbox lives as long as the page */
    }
  }

  class Link {
    constructor(role, onMessage, onState) {
      this.scope = "jm-" + role + "-" + token.slice(0, 10);
      this.client = load(this.scope + "-client", null) || randomId(16);
      save(this.scope + "-client", this.client);
      this.outbox = load(this.scope + "-outbox", []);
      this.name = load(this.scope + "-name", "");
      this.onMessage = onMessage;
      this.onState = onState;
      this.ws = null;
      this.state = "connecting";
      this.welcomed = false;
      this.sent = new Set(); // keys sent on the current connection
      this.retry = 0;
      this.timer = null;
      this.heard = Date.now();
      window.addEventListener("online", () => this.connect());
      window.addEventListener("offline", () => this.drop());
      setInterval(() => this.heartbeat(), 4000);
    }

    get pending() {
      return this.outbox.length;
    }

    get joined() {
      return load(this.scope + "-joined", false);
    }

    join(name) {
      this.name = name;
      save(this.scope + "-name", name);
      save(this.scope + "-joined", true);
      this.connect();
    }

    setState(state) {
      this.state = state;
      this.onState(state, this.outbox.length);
    }

    connect() {
      clearTimeout(this.timer);
      if (this.state === "ended" || this.ws) return;
      if (!navigator.onLine) return this.setState("offline");
      const scheme = location.protocol === "https:" ? "wss://" : "ws://";
      const ws = new WebSocket(scheme + location.host + "/ws?token=" + encodeURIComponent(token));
      this.ws = ws;
      this.welcomed = false;
      this.sent = new Set();
      ws.onopen = () => {
        this.heard = Date.now();
        ws.send(JSON.stringify({ type: "hello", client: this.client, name: this.name }));
      };
      ws.onmessage = (event) => {
        if (this.ws !== ws) return;
        this.heard = Date.now();
        let data;
        try {
          data = JSON.parse(event.data);
        } catch (e) {
          return;
        }
        // Messages queued while the connection was busy arrive together, as an array.
        for (const message of Array.isArray(data) ? data : [data]) this.handle(message);
      };
      ws.onclose = () => {
        if (this.ws !== ws) return;
        this.ws = null;
        if (this.state === "ended" || this.state === "full") return;
        this.setState(navigator.onLine ? "reconnecting" : "offline");
        this.later();
      };
    }

    // The network went away: stop using the socket now (a browser may keep a dead one
    // open for minutes) and queue until it comes back.
    drop() {
      const ws = this.ws;
      this.ws = null;
      if (ws) ws.close();
      if (this.state !== "ended") this.setState("offline");
    }

    later() {
      const delay = Math.min(5000, 400 * 2 ** this.retry) * (0.75 + Math.random() / 2);
      this.retry = Math.min(this.retry + 1, 6);
      this.timer = setTimeout(() => this.connect(), delay);
    }

    heartbeat() {
      const ws = this.ws;
      if (!ws || ws.readyState !== WebSocket.OPEN) return;
      if (Date.now() - this.heard > 12000) {
        this.drop(); // nothing heard for too long: a dead connection
        if (navigator.onLine) this.connect();
        return;
      }
      ws.send(JSON.stringify({ type: "ping" }));
    }

    handle(message) {
      if (message.type === "welcome") {
        this.welcomed = true;
        this.retry = 0;
        this.setState("online");
        this.pump();
      } else if (message.type === "ack") {
        const before = this.outbox.length;
        this.outbox = this.outbox.filter((m) => m.key !== message.key);
        if (this.outbox.length !== before) {
          save(this.scope + "-outbox", this.outbox);
          this.onState(this.state, this.outbox.length);
        }
        this.pump();
      } else if (message.type === "ended") {
        this.setState("ended");
        save(this.scope + "-outbox", []);
      } else if (message.type === "error" && message.full) {
        this.setState("full");
      }
      this.onMessage(message);
    }

    // A change: queued with a fresh key, sent when the connection can take it.
    send(message) {
      message.key = randomId(12);
      this.outbox.push(message);
      save(this.scope + "-outbox", this.outbox);
      this.onState(this.state, this.outbox.length);
      this.pump();
      return message.key;
    }

    pump() {
      const ws = this.ws;
      if (!ws || !this.welcomed || ws.readyState !== WebSocket.OPEN) return;
      let inFlight = this.outbox.filter((m) => this.sent.has(m.key)).length;
      for (const m of this.outbox) {
        if (inFlight >= WINDOW) break;
        if (this.sent.has(m.key)) continue;
        this.sent.add(m.key);
        inFlight += 1;
        ws.send(JSON.stringify(m));
      }
    }
  }

  window.JourneyLink = Link;
})();
