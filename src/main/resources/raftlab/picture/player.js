// The Raft Lab player: replays one recorded run (the JSON in #run-data) in four pictures that all follow the time
// slider. No library, no network: everything it needs is in this file and the page.
(function () {
  "use strict";
  var statusEl = document.getElementById("status");
  function setStatus(kind, text) {
    document.body.setAttribute("data-status", kind);
    statusEl.textContent = text;
  }
  window.addEventListener("error", function (e) {
    setStatus("error", "error: " + (e.message || e) + (e.lineno ? " (line " + e.lineno + ")" : ""));
  });

  var D = JSON.parse(document.getElementById("run-data").textContent);
  // Filled in by the export from the palette the SVG uses too.
  var TERM_COLOURS = /*TERM_COLOURS*/;
  var TYPE_COLOURS = /*TYPE_COLOURS*/;
  var ROLE_COLOURS = { leader: "#2f9e44", candidate: "#f08c00", follower: "#868e96" };
  function termColour(t) { return t <= 0 ? "#ced4da" : TERM_COLOURS[(t - 1) % TERM_COLOURS.length]; }
  function typeColour(t) { return TYPE_COLOURS[t] || "#868e96"; }

  // ------------------------------------------------------------------------------------------ the data, prepared
  var N = D.nodes, FROM = D.from, TO = Math.max(D.to, D.from + 1);
  D.messages.forEach(function (m) {
    // A message still on the wire is drawn up to when it was due (or the end of the window).
    m.until = m.fate === "in-flight" ? Math.max(m.dueAt, D.to) : m.endAt;
  });
  // Every moment something happened, for stepping from event to event.
  var moments = [];
  D.messages.forEach(function (m) { moments.push(m.sentAt); if (m.fate !== "in-flight") moments.push(m.endAt); });
  D.events.forEach(function (e) { moments.push(e.time); });
  D.changes.forEach(function (c) { moments.push(c.time); });
  moments = moments.filter(function (t) { return t >= FROM && t <= D.to; })
    .sort(function (a, b) { return a - b; })
    .filter(function (t, i, a) { return i === 0 || a[i - 1] !== t; });

  // When each node was down, as [from, to] spans, for the Lamport diagram's dashed lanes.
  var downSpans = D.start.map(function (s) { return s.up ? [] : [[FROM, null]]; });
  D.changes.forEach(function (c) {
    var spans = downSpans[c.node - 1], open = spans.length && spans[spans.length - 1][1] === null;
    if (!c.up && !open) spans.push([c.time, null]);
    if (c.up && open) spans[spans.length - 1][1] = c.time;
  });
  downSpans.forEach(function (spans) { spans.forEach(function (sp) { if (sp[1] === null) sp[1] = TO; }); });

  function copyState(s) {
    return { node: s.node, up: s.up, role: s.role, term: s.term, commit: s.commit, applied: s.applied,
      log: s.log.slice() };
  }
  function applyChange(s, c) {
    s.up = c.up; s.role = c.role; s.term = c.term; s.commit = c.commit; s.applied = c.applied;
    if (c.log) { s.log.length = Math.min(c.logFrom - 1, s.log.length); Array.prototype.push.apply(s.log, c.log); }
  }
  // The state at time t: the start plus every change up to t. Moving forward continues from the last answer.
  var cache = null;
  function stateAt(t) {
    if (!cache || t < cache.t) {
      cache = { t: FROM, next: 0, nodes: D.start.map(copyState) };
    }
    while (cache.next < D.changes.length && D.changes[cache.next].time <= t) {
      var c = D.changes[cache.next++];
      applyChange(cache.nodes[c.node - 1], c);
    }
    cache.t = t;
    return cache.nodes;
  }

  // ------------------------------------------------------------------------------------------ canvases
  function setup(id) {
    var c = document.getElementById(id);
    var ratio = window.devicePixelRatio || 1;
    var w = c.clientWidth || c.width, h = c.height;
    c.width = Math.round(w * ratio); c.height = Math.round(h * ratio);
    c.style.height = h + "px";
    var g = c.getContext("2d");
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { canvas: c, g: g, w: w, h: h };
  }
  var cv = {}, hot = [];
  // Where each time axis lies on its canvas, so a click can go to the time under the pointer.
  var axes = {};
  function layout() {
    document.getElementById("lamport").height = Math.max(160, 40 * N + 56);
    var clients = clientIds();
    document.getElementById("history").height = Math.max(120, 26 * Math.max(clients.length, 1) + 50);
    ["cluster", "logs", "lamport", "history"].forEach(function (id) { cv[id] = setup(id); });
  }
  function text(g, s, x, y, opts) {
    opts = opts || {};
    g.font = (opts.bold ? "bold " : "") + (opts.size || 12) + "px system-ui, sans-serif";
    g.fillStyle = opts.colour || "#212529";
    g.textAlign = opts.align || "left";
    g.textBaseline = opts.base || "middle";
    g.fillText(s, x, y);
  }
  function roundRect(g, x, y, w, h, r) {
    g.beginPath();
    g.moveTo(x + r, y); g.lineTo(x + w - r, y); g.quadraticCurveTo(x + w, y, x + w, y + r);
    g.lineTo(x + w, y + h - r); g.quadraticCurveTo(x + w, y + h, x + w - r, y + h);
    g.lineTo(x + r, y + h); g.quadraticCurveTo(x, y + h, x, y + h - r);
    g.lineTo(x, y + r); g.quadraticCurveTo(x, y, x + r, y); g.closePath();
  }

  // ------------------------------------------------------------------------------------------ cluster
  function nodePos(i, w, h) {
    var a = -Math.PI / 2 + 2 * Math.PI * i / N, r = Math.min(w, h) / 2 - 58;
    return { x: w / 2 + r * Math.cos(a), y: h / 2 + 8 + r * Math.sin(a) };
  }
  function drawCluster(t, states) {
    var c = cv.cluster, g = c.g;
    g.clearRect(0, 0, c.w, c.h);
    var leaders = states.filter(function (s) { return s.up && s.role === "leader"; });
    text(g, leaders.length ? "leader: " + leaders.map(function (s) { return "n" + s.node + " (term " + s.term + ")"; })
      .join(", ") : "no leader", 10, 14, { bold: true, colour: leaders.length ? "#2f9e44" : "#868e96" });
    // Links, faint, so a message's path is visible.
    g.strokeStyle = "#f1f3f5"; g.lineWidth = 1;
    for (var i = 0; i < N; i++) for (var j = i + 1; j < N; j++) {
      var p = nodePos(i, c.w, c.h), q = nodePos(j, c.w, c.h);
      g.beginPath(); g.moveTo(p.x, p.y); g.lineTo(q.x, q.y); g.stroke();
    }
    states.forEach(function (s, i) {
      var p = nodePos(i, c.w, c.h);
      g.lineWidth = 4;
      g.fillStyle = s.up ? "white" : "#f1f3f5";
      g.strokeStyle = s.up ? ROLE_COLOURS[s.role] : "#c92a2a";
      g.beginPath(); g.arc(p.x, p.y, 34, 0, 2 * Math.PI); g.fill(); g.stroke();
      text(g, "n" + s.node, p.x, p.y - 9, { bold: true, size: 16, align: "center" });
      text(g, s.up ? s.role : "down", p.x, p.y + 8, { size: 11, align: "center",
        colour: s.up ? ROLE_COLOURS[s.role] : "#c92a2a", bold: true });
      // The term as a badge in the term's colour.
      g.fillStyle = termColour(s.term);
      roundRect(g, p.x + 20, p.y - 44, 36, 18, 9); g.fill();
      text(g, "t" + s.term, p.x + 38, p.y - 35, { size: 11, align: "center", colour: "white", bold: true });
    });
    // Messages in flight: a dot on its way, at the fraction of its trip that has passed.
    D.messages.forEach(function (m) {
      var dropped = m.fate === "dropped";
      var visibleUntil = dropped ? m.until + 4 : m.until;
      if (!(m.sentAt <= t && t < visibleUntil) && !(m.sentAt === t && m.until === t)) return;
      var a = nodePos(m.from - 1, c.w, c.h), b = nodePos(m.to - 1, c.w, c.h);
      var f = m.until > m.sentAt ? Math.min(1, (t - m.sentAt) / (m.until - m.sentAt)) : 1;
      if (dropped) f = Math.min(f, m.until > m.sentAt ? 0.8 : 0.25);
      f = 0.12 + 0.76 * f; // keep the dot clear of the node circles
      var x = a.x + (b.x - a.x) * f, y = a.y + (b.y - a.y) * f;
      g.strokeStyle = typeColour(m.type); g.globalAlpha = 0.35; g.lineWidth = 1.5;
      g.beginPath(); g.moveTo(a.x + (b.x - a.x) * 0.12, a.y + (b.y - a.y) * 0.12); g.lineTo(x, y); g.stroke();
      g.globalAlpha = 1;
      if (dropped && t >= m.until) {
        g.strokeStyle = "#c92a2a"; g.lineWidth = 3;
        g.beginPath(); g.moveTo(x - 6, y - 6); g.lineTo(x + 6, y + 6); g.moveTo(x - 6, y + 6); g.lineTo(x + 6, y - 6);
        g.stroke();
      } else {
        g.fillStyle = typeColour(m.type);
        g.beginPath(); g.arc(x, y, 6, 0, 2 * Math.PI); g.fill();
        // The label on a white tag, so it stays readable over links and node circles.
        g.font = "11px system-ui, sans-serif";
        var lw = g.measureText(m.label).width;
        g.fillStyle = "rgba(255,255,255,0.9)"; roundRect(g, x + 8, y - 16, lw + 6, 15, 3); g.fill();
        text(g, m.label, x + 11, y - 8, { size: 11, colour: typeColour(m.type), bold: true });
      }
    });
  }

  // ------------------------------------------------------------------------------------------ logs
  function drawLogs(t, states) {
    var c = cv.logs, g = c.g;
    g.clearRect(0, 0, c.w, c.h);
    var rowH = Math.min(64, (c.h - 24) / N), box = Math.min(30, rowH - 26), left = 150;
    var longest = 0;
    states.forEach(function (s) { longest = Math.max(longest, s.log.length); });
    var fit = Math.max(1, Math.floor((c.w - left - 10) / (box + 3)));
    var first = Math.max(1, longest - fit + 1); // show the newest entries when the logs are long
    for (var k = first; k < first + fit && k <= longest; k++) {
      if (k === first || k % 5 === 0) text(g, String(k), left + (k - first) * (box + 3) + box / 2, 10,
        { size: 10, align: "center", colour: "#868e96" });
    }
    if (first > 1) text(g, "(" + (first - 1) + " earlier entries)", 6, 10, { size: 10, colour: "#868e96" });
    states.forEach(function (s, i) {
      var y = 22 + i * rowH;
      text(g, "n" + s.node, 6, y + box / 2, { bold: true, size: 14 });
      text(g, s.up ? s.role + " t" + s.term : "down", 36, y + box / 2 - 7, { size: 11,
        colour: s.up ? ROLE_COLOURS[s.role] : "#c92a2a", bold: true });
      text(g, "commit " + s.commit + " applied " + s.applied, 36, y + box / 2 + 8, { size: 10, colour: "#868e96" });
      for (var k = first; k <= s.log.length && k < first + fit; k++) {
        var e = s.log[k - 1], x = left + (k - first) * (box + 3);
        var committed = k <= s.commit;
        g.globalAlpha = committed ? 1 : 0.45;
        g.fillStyle = termColour(e.term);
        roundRect(g, x, y, box, box, 4); g.fill();
        g.globalAlpha = 1;
        if (!committed) { g.setLineDash([3, 2]); g.strokeStyle = "#495057"; g.lineWidth = 1; roundRect(g, x, y, box, box, 4); g.stroke(); g.setLineDash([]); }
        text(g, String(e.term), x + box / 2, y + box / 2, { size: 12, align: "center", colour: "white", bold: true });
        if (k === s.applied) {
          g.fillStyle = "#212529";
          g.beginPath(); g.moveTo(x + box / 2, y + box + 2); g.lineTo(x + box / 2 - 5, y + box + 9);
          g.lineTo(x + box / 2 + 5, y + box + 9); g.closePath(); g.fill();
        }
        hot.push({ panel: "logs", x: x, y: y, w: box, h: box,
          tip: "n" + s.node + " index " + k + ": term " + e.term + ", " + e.command + (committed ? ", committed" : ", not committed") + (k <= s.applied ? ", applied" : "") });
      }
      if (!s.log.length) text(g, "(empty log)", left, y + box / 2, { size: 11, colour: "#adb5bd" });
    });
  }

  // ------------------------------------------------------------------------------------------ Lamport diagram
  var zoomSel = document.getElementById("zoom");
  function lamportWindow(t) {
    var span = +zoomSel.value;
    if (!span || span >= TO - FROM) return [FROM, TO];
    var a = Math.max(FROM, Math.min(t - span * 0.7, TO - span));
    return [a, a + span];
  }
  function drawLamport(t) {
    var c = cv.lamport, g = c.g;
    g.clearRect(0, 0, c.w, c.h);
    var win = lamportWindow(t), left = 48, right = 14, top = 24;
    var lane = (c.h - top - 30) / N;
    function X(time) { return left + (time - win[0]) / (win[1] - win[0]) * (c.w - left - right); }
    function Y(node) { return top + lane * (node - 0.5); }
    axes.lamport = { from: win[0], to: win[1], left: left, width: c.w - left - right };
    // Time axis with round ticks.
    var step = 1; while ((c.w - left) / ((win[1] - win[0]) / step) < 70) step = step * (String(step)[0] === "2" ? 2.5 : 2);
    for (var tk = Math.ceil(win[0] / step) * step; tk <= win[1]; tk += step) {
      var x = X(tk); g.strokeStyle = "#f1f3f5"; g.lineWidth = 1;
      g.beginPath(); g.moveTo(x, top - 6); g.lineTo(x, c.h - 24); g.stroke();
      text(g, Math.round(tk) + "ms", x, c.h - 12, { size: 10, align: "center", colour: "#868e96" });
    }
    for (var n = 1; n <= N; n++) {
      text(g, "n" + n, 10, Y(n), { bold: true, size: 13 });
      g.strokeStyle = "#495057"; g.lineWidth = 1.5;
      g.beginPath(); g.moveTo(left, Y(n)); g.lineTo(c.w - right, Y(n)); g.stroke();
      // Down: the lane turns into a red dashed line.
      downSpans[n - 1].forEach(function (sp) {
        if (sp[1] < win[0] || sp[0] > win[1]) return;
        var a = X(Math.max(sp[0], win[0])), b = X(Math.min(sp[1], win[1]));
        g.clearRect(a, Y(n) - 2, b - a, 4);
        g.strokeStyle = "#c92a2a"; g.setLineDash([5, 4]);
        g.beginPath(); g.moveTo(a, Y(n)); g.lineTo(b, Y(n)); g.stroke(); g.setLineDash([]);
      });
    }
    // Crashes and restarts, and role changes, as lettered dots on the lanes.
    D.events.forEach(function (e) {
      if (e.time < win[0] || e.time > win[1]) return;
      if (["role", "crash", "restart", "truncate"].indexOf(e.kind) < 0) return;
      var letter = e.mark;
      var x = X(e.time), y = Y(e.node);
      g.fillStyle = letter === "L" ? "#2f9e44" : letter === "C" ? "#f08c00" : letter === "X" ? "#c92a2a" : "#868e96";
      g.beginPath(); g.arc(x, y, 8, 0, 2 * Math.PI); g.fill();
      text(g, letter, x, y + 1, { size: 10, bold: true, align: "center", colour: "white" });
      hot.push({ panel: "lamport", x: x - 8, y: y - 8, w: 16, h: 16, tip: "[" + e.time + "ms] n" + e.node + " " + e.text });
    });
    D.messages.forEach(function (m) {
      var end = m.until;
      if (end < win[0] || m.sentAt > win[1]) return;
      var x1 = X(m.sentAt), y1 = Y(m.from), x2 = X(end), y2 = Y(m.to), dropped = m.fate === "dropped";
      if (dropped) { var f = 0.6; x2 = x1 + Math.max(x2 - x1, 14) * f; y2 = y1 + (y2 - y1) * f; }
      var future = m.sentAt > t, arrived = end <= t;
      g.globalAlpha = future ? 0.18 : 1;
      g.strokeStyle = typeColour(m.type); g.lineWidth = arrived ? 1.6 : 2.4;
      if (dropped) g.setLineDash([5, 3]);
      g.beginPath(); g.moveTo(x1, y1); g.lineTo(x2, y2); g.stroke(); g.setLineDash([]);
      var ang = Math.atan2(y2 - y1, x2 - x1);
      if (dropped) {
        g.strokeStyle = "#c92a2a"; g.lineWidth = 2;
        g.beginPath(); g.moveTo(x2 - 4, y2 - 4); g.lineTo(x2 + 4, y2 + 4); g.moveTo(x2 - 4, y2 + 4); g.lineTo(x2 + 4, y2 - 4); g.stroke();
      } else {
        g.fillStyle = typeColour(m.type);
        g.beginPath(); g.moveTo(x2, y2);
        g.lineTo(x2 - 8 * Math.cos(ang - 0.4), y2 - 8 * Math.sin(ang - 0.4));
        g.lineTo(x2 - 8 * Math.cos(ang + 0.4), y2 - 8 * Math.sin(ang + 0.4)); g.closePath(); g.fill();
      }
      g.globalAlpha = 1;
      hot.push({ panel: "lamport", seg: [x1, y1, x2, y2], tip: describeMessage(m) });
    });
    // The cursor: now.
    var xc = X(t); g.strokeStyle = "#e03131"; g.lineWidth = 1.5;
    g.beginPath(); g.moveTo(xc, top - 10); g.lineTo(xc, c.h - 24); g.stroke();
    // Legend.
    var lx = c.w - 470;
    Object.keys(TYPE_COLOURS).forEach(function (k, i) {
      g.fillStyle = TYPE_COLOURS[k]; g.fillRect(lx + i * 118, 6, 12, 4);
      text(g, k, lx + i * 118 + 16, 8, { size: 10, colour: "#495057" });
    });
  }
  function describeMessage(m) {
    var f = Object.keys(m.fields).map(function (k) { return k + "=" + m.fields[k]; }).join(" ");
    var fate = m.fate === "delivered" ? "delivered " + m.endAt + "ms" : m.fate === "dropped"
      ? "DROPPED " + m.endAt + "ms: " + m.why : "in flight";
    return "#" + m.id + " n" + m.from + "\u2192n" + m.to + " " + m.type + " " + f + " | sent " + m.sentAt + "ms, " + fate
      + (m.copyOf ? " (copy of #" + m.copyOf + ")" : "");
  }

  // ------------------------------------------------------------------------------------------ client history
  function clientIds() {
    var ids = [];
    D.history.operations.forEach(function (o) { if (ids.indexOf(o.client) < 0) ids.push(o.client); });
    return ids.sort(function (a, b) { return a - b; });
  }
  function drawHistory(t) {
    var c = cv.history, g = c.g, h = D.history;
    g.clearRect(0, 0, c.w, c.h);
    var v = document.getElementById("verdict");
    if (h.linearizable) { v.textContent = "linearizable"; v.className = "ok"; }
    else if (h.inconclusive) { v.textContent = h.verdict; v.className = ""; }
    else { v.textContent = "NOT linearizable on key " + h.key + ": the failing part is outlined in red"; v.className = "bad"; }
    var ops = h.operations, clients = clientIds(), left = 60, right = 14, top = 12;
    if (!ops.length) { text(g, "no client operations in this run", left, 30, { colour: "#868e96" }); return; }
    function X(time) { return left + (time - FROM) / (TO - FROM) * (c.w - left - right); }
    axes.history = { from: FROM, to: TO, left: left, width: c.w - left - right };
    var laneH = Math.min(26, (c.h - top - 26) / clients.length);
    clients.forEach(function (cl, i) {
      text(g, cl === 0 ? "you" : "c" + cl, 8, top + laneH * i + laneH / 2, { bold: true });
    });
    // Unknown outcomes first, as thin dashed lines to the end (such an operation may take effect at any later
    // time), so the bars of the operations the client went on with stay readable on top.
    var order = ops.filter(function (o) { return o.outcome === "unknown"; })
      .concat(ops.filter(function (o) { return o.outcome !== "unknown"; }));
    order.forEach(function (o) {
      var unknown = o.outcome === "unknown";
      var end = o.completedAt === null ? D.to : o.completedAt;
      if (end < FROM || o.invokedAt > D.to) return;
      var i = clients.indexOf(o.client), y = top + laneH * i + 3, x1 = X(Math.max(FROM, o.invokedAt));
      var x2 = Math.max(x1 + 3, X(Math.min(D.to, end))), bh = laneH - 6;
      var colour = o.outcome === "ok" ? "#2f9e44" : o.outcome === "fail" ? "#adb5bd" : "#f59f00";
      g.globalAlpha = o.invokedAt > t ? 0.3 : 1;
      if (unknown) {
        g.strokeStyle = colour; g.lineWidth = 2; g.setLineDash([4, 3]);
        g.beginPath(); g.moveTo(x1, y + bh - 1); g.lineTo(x2, y + bh - 1); g.stroke(); g.setLineDash([]);
        g.fillStyle = colour; roundRect(g, x1, y, 14, bh, 3); g.fill();
        text(g, "?", x1 + 7, y + bh / 2, { size: 11, colour: "white", bold: true, align: "center" });
      } else {
        g.fillStyle = colour; roundRect(g, x1, y, x2 - x1, bh, 3); g.fill();
      }
      if (o.failing) { g.strokeStyle = "#c92a2a"; g.lineWidth = 3; roundRect(g, x1, y, x2 - x1, bh, 3); g.stroke(); }
      var label = o.kind + "(" + o.key + (o.value !== null ? "," + o.value : "") + ")" + (o.kind === "get" && o.outcome === "ok" ? "\u2192" + (o.output === null ? "absent" : o.output) : "");
      g.font = "11px system-ui, sans-serif";
      if (!unknown && g.measureText(label).width < x2 - x1 - 6) text(g, label, x1 + 4, y + bh / 2, { size: 11, colour: "white", bold: true });
      g.globalAlpha = 1;
      hot.push({ panel: "history", x: x1, y: y, w: unknown ? 14 : x2 - x1, h: bh, tip: "#" + o.id + " " + o.text + (unknown ? " (outcome unknown: it may take effect at any later time)" : "") + (o.failing ? "  (part of the failing history)" : "") });
    });
    var xc = X(t); g.strokeStyle = "#e03131"; g.lineWidth = 1.5;
    g.beginPath(); g.moveTo(xc, 2); g.lineTo(xc, c.h - 20); g.stroke();
    text(g, FROM + "ms", left, c.h - 8, { size: 10, colour: "#868e96" });
    [["ok", "#2f9e44"], ["failed", "#adb5bd"], ["unknown", "#f59f00"]].forEach(function (k, i) {
      g.fillStyle = k[1]; g.fillRect(left + 120 + i * 90, c.h - 13, 12, 10);
      text(g, k[0], left + 136 + i * 90, c.h - 8, { size: 10, colour: "#495057" });
    });
    text(g, D.to + "ms", c.w - right, c.h - 8, { size: 10, colour: "#868e96", align: "right" });
  }

  // ------------------------------------------------------------------------------------------ event list
  function drawEvents(t) {
    // Events are in time order: find the last one at or before t by halving, then show the nine up to it.
    var list = document.getElementById("events"), lo = 0, hi = D.events.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (D.events[mid].time <= t) lo = mid + 1; else hi = mid; }
    var shown = D.events.slice(Math.max(0, lo - 9), lo);
    list.textContent = "";
    shown.forEach(function (e) {
      var li = document.createElement("li");
      li.textContent = "[" + e.time + "ms] n" + e.node + " " + e.text;
      if (e.time === t) li.className = "new";
      list.appendChild(li);
    });
  }

  // ------------------------------------------------------------------------------------------ time and controls
  var slider = document.getElementById("slider"), timeEl = document.getElementById("time");
  slider.min = FROM; slider.max = D.to; slider.value = FROM;
  var now = FROM, playing = false, lastFrame = 0, timer = null;
  // Draws every panel at time t (a fraction of a ms while playing, so the messages glide).
  function render(t) {
    hot = [];
    var states = stateAt(t);
    drawCluster(t, states);
    drawLogs(t, states);
    drawLamport(t);
    drawHistory(t);
    drawEvents(t);
    timeEl.textContent = Math.floor(t) + " ms";
  }
  function seek(t) {
    now = Math.max(FROM, Math.min(D.to, Math.round(t)));
    slider.value = now;
    render(now);
  }
  slider.addEventListener("input", function () { seek(+slider.value); });
  function step(dir) {
    pause();
    var target = null;
    for (var i = 0; i < moments.length; i++) {
      if (dir > 0 && moments[i] > now) { target = moments[i]; break; }
      if (dir < 0 && moments[i] < now) target = moments[i];
    }
    if (target !== null) seek(target);
  }
  document.getElementById("next").addEventListener("click", function () { step(1); });
  document.getElementById("back").addEventListener("click", function () { step(-1); });
  var playBtn = document.getElementById("play");
  function pause() {
    playing = false; playBtn.innerHTML = "&#9654; play";
    if (timer) { clearTimeout(timer); timer = null; }
  }
  // Playing moves time by the chosen speed, about 30 frames a second (a timer rather than animation frames, so a
  // headless browser plays too).
  function frame() {
    if (!playing) return;
    var ts = performance.now();
    var dt = lastFrame ? (ts - lastFrame) / 1000 : 0; lastFrame = ts;
    var target = now + dt * +document.getElementById("speed").value;
    if (target >= D.to) { seek(D.to); pause(); return; }
    now = target; slider.value = Math.floor(target);
    render(now);
    timer = setTimeout(frame, 33);
  }
  playBtn.addEventListener("click", function () {
    if (playing) { pause(); return; }
    if (now >= D.to) seek(FROM);
    playing = true; lastFrame = 0; playBtn.innerHTML = "&#10074;&#10074; pause";
    timer = setTimeout(frame, 0);
  });
  zoomSel.addEventListener("change", function () { render(now); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "ArrowRight") { step(1); e.preventDefault(); }
    else if (e.key === "ArrowLeft") { step(-1); e.preventDefault(); }
    else if (e.key === " ") { playBtn.click(); e.preventDefault(); }
  });

  // Hover: the fields of whatever is under the pointer.
  var tip = document.getElementById("tip");
  function distToSeg(px, py, s) {
    var dx = s[2] - s[0], dy = s[3] - s[1], l2 = dx * dx + dy * dy;
    var u = l2 ? Math.max(0, Math.min(1, ((px - s[0]) * dx + (py - s[1]) * dy) / l2)) : 0;
    var x = s[0] + u * dx - px, y = s[1] + u * dy - py;
    return Math.sqrt(x * x + y * y);
  }
  ["logs", "lamport", "history"].forEach(function (id) {
    var el = document.getElementById(id);
    el.addEventListener("mousemove", function (e) {
      var r = el.getBoundingClientRect(), px = e.clientX - r.left, py = e.clientY - r.top, best = null, bestD = 6;
      hot.forEach(function (h) {
        if (h.panel !== id) return;
        var d = h.seg ? distToSeg(px, py, h.seg)
          : (px >= h.x && px <= h.x + h.w && py >= h.y && py <= h.y + h.h ? 0 : 99);
        if (d < bestD) { bestD = d; best = h; }
      });
      if (best) { tip.textContent = best.tip; tip.hidden = false; tip.style.left = (e.clientX + 14) + "px"; tip.style.top = (e.clientY + 14) + "px"; }
      else tip.hidden = true;
    });
    el.addEventListener("mouseleave", function () { tip.hidden = true; });
    el.addEventListener("click", function (e) {
      var a = axes[id];
      if (!a) return;
      var px = e.clientX - el.getBoundingClientRect().left;
      if (px < a.left || px > a.left + a.width) return;
      pause();
      seek(a.from + (px - a.left) / a.width * (a.to - a.from));
    });
  });

  // ------------------------------------------------------------------------------------------ start
  function fingerprint() {
    // A hash of what the cluster and log canvases show, so a test can tell that moving the slider changed them.
    var h = 2166136261;
    ["cluster", "logs"].forEach(function (id) {
      var c = cv[id], px = c.g.getImageData(0, 0, c.canvas.width, c.canvas.height).data;
      for (var i = 0; i < px.length; i += 16) { h ^= px[i]; h = Math.imul(h, 16777619) >>> 0; }
    });
    return h.toString(16);
  }
  layout();
  if (D.cut) document.getElementById("cut").textContent = D.cut;
  var hash = location.hash.replace(/^#/, "");
  var m = /(?:^|&)t=(\d+)/.exec(hash);
  seek(m ? +m[1] : FROM);
  setStatus("ready", "ready: " + N + " nodes, " + D.messages.length + " messages, " + D.events.length + " events, "
    + FROM + ".." + D.to + " ms. Drag the slider, press play, or step with the arrow keys.");
  if (/(?:^|&)selftest/.test(hash)) {
    // Move the slider the way a person does (set it, fire its input event) and report what the picture did.
    var before = fingerprint(), from = now;
    var target = moments.length ? moments[Math.floor(moments.length * 0.6)] : D.to;
    if (target === from) target = D.to;
    slider.value = target;
    slider.dispatchEvent(new Event("input"));
    var after = fingerprint(), moved = now;
    // Then the step button: it must land on the next moment something happened.
    document.getElementById("next").click();
    var stepped = now > moved && moments.indexOf(now) >= 0;
    var report = "selftest: slider " + from + " -> " + moved + ", picture "
      + (before !== after ? "changed" : "unchanged") + " (" + before + " -> " + after + "), step "
      + (stepped ? "ok" : "failed") + " (" + moved + " -> " + now + ")";
    var selfEl = document.getElementById("selftest");
    selfEl.textContent = report;
    // Last, play: half a second later time must have moved on by itself.
    var started = now;
    playBtn.click();
    setTimeout(function () {
      var played = now > started;
      pause();
      selfEl.textContent = report + ", play " + (played ? "ok" : "failed") + " (" + started + " -> " + Math.floor(now) + ")";
    }, 500);
  }
})();
