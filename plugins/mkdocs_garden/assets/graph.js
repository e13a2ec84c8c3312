/* Garden: draws the link graph the build laid out (graph.json) into every
 * <div class="garden-graph" data-graph-src=…> of the page: the whole vault, or, with
 * data-graph-focus, one note and its neighbours up to data-graph-depth steps away.
 * Canvas drawing on demand; pan, zoom, hover, click and keyboard; no library. */
(function () {
  "use strict";
  if (window.__gardenGraph) return; // the script loaded twice: keep one set of listeners
  window.__gardenGraph = true;

  const ZOOM_MIN = 0.3, ZOOM_MAX = 60; // relative to the fitted view
  const LABEL_R = 5; // on-screen radius (px) from which a node earns a label
  const LIST_MAX = 300; // links in the screen-reader list
  const cache = new Map(); // absolute JSON URL -> Promise of the prepared graph, per session
  const live = new Set(); // graphs of the pages shown so far (pruned when their page goes)
  const still = matchMedia("(prefers-reduced-motion: reduce)");
  const SVG = (d) => `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${d}"/></svg>`;
  const BUTTONS = [
    ["放大", "M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6z", (g) => g.zoomBy(1.6)],
    ["缩小", "M19 13H5v-2h14z", (g) => g.zoomBy(1 / 1.6)],
    ["复位", "M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z", (g) => g.reset()],
  ];

  function load(url) {
    if (!cache.has(url)) {
      const p = fetch(url).then((r) => {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r.json();
      }).then((data) => prepare(data, url));
      p.catch(() => cache.delete(url)); // a failed fetch is tried again on the next page
      cache.set(url, p);
    }
    return cache.get(url);
  }

  /* Nodes with absolute URLs, an id index, and undirected edges without duplicates. */
  function prepare(data, url) {
    const nodes = (data.nodes || []).map((n) => {
      const kind = n.kind === "tag" || n.kind === "ghost" ? n.kind : "note";
      return { id: String(n.id), title: String(n.title || n.id), kind, x: +n.x || 0, y: +n.y || 0,
        links: Math.max(0, +n.links || 0),
        href: n.url && kind !== "ghost" ? new URL(n.url, url).href : null };
    });
    const n = nodes.length, adj = nodes.map(() => []), seen = new Set(), edges = [];
    for (const [a, b] of data.edges || []) {
      if (!(a >= 0 && b >= 0 && a < n && b < n) || a === b) continue;
      const key = a < b ? a * n + b : b * n + a;
      if (seen.has(key)) continue;
      seen.add(key); edges.push(a, b); adj[a].push(b); adj[b].push(a);
    }
    return { nodes, adj, edges, index: new Map(nodes.map((d, i) => [d.id, i])) };
  }

  /* The nodes within `depth` steps of `focus` (all nodes without one), re-indexed from 0. */
  function subset(g, focus, depth) {
    if (focus === null) return { nodes: g.nodes, adj: g.adj, edges: Int32Array.from(g.edges), focus: -1 };
    const start = g.index.get(focus);
    if (start === undefined) return null;
    const local = new Map([[start, 0]]);
    let ring = [start];
    for (let d = 0; d < depth && ring.length; d++) {
      const next = [];
      for (const i of ring) for (const j of g.adj[i]) if (!local.has(j)) { local.set(j, local.size); next.push(j); }
      ring = next;
    }
    const keep = [...local.keys()], adj = keep.map(() => []), edges = [];
    keep.forEach((i, a) => {
      for (const j of g.adj[i]) {
        const b = local.get(j);
        if (b !== undefined) { adj[a].push(b); if (a < b) edges.push(a, b); }
      }
    });
    return { nodes: keep.map((i) => g.nodes[i]), adj, edges: Int32Array.from(edges), focus: 0 };
  }

  function colors(el) {
    const s = getComputedStyle(el), v = (name, d) => s.getPropertyValue(name).trim() || d;
    return { fg: v("--md-default-fg-color", "#000000de"), light: v("--md-default-fg-color--light", "#0000008a"),
      lighter: v("--md-default-fg-color--lighter", "#00000052"),
      accent: v("--md-accent-fg-color", "#526cfe"), primary: v("--md-primary-fg-color", "#4051b5"),
      bg: v("--md-default-bg-color", "#fff"), font: getComputedStyle(document.body).fontFamily || "sans-serif" };
  }

  class Graph {
    constructor(el) {
      this.el = el;
      this.hl = -1; // highlighted node (hover, tap or keyboard)
      this.hlByKey = false;
      this.pointers = new Map();
      this.frame = 0;
      const label = el.dataset.graphLabel || "关系图谱";
      el.insertAdjacentHTML("beforeend",
        `<canvas class="garden-graph__canvas" tabindex="0" role="application"></canvas>` +
        `<div class="garden-graph__controls">${BUTTONS.map(([t, d]) =>
          `<button type="button" class="garden-graph__button" title="${t}" aria-label="${t}">${SVG(d)}</button>`).join("")}</div>` +
        `<p class="garden-graph__status" role="status">关系图谱加载中…</p>` +
        `<p class="garden-graph__sr" aria-live="polite"></p>`);
      this.canvas = el.querySelector(".garden-graph__canvas");
      this.canvas.setAttribute("aria-label", label + "。方向键平移，加号、减号缩放，0 复位，N 与 P 逐个选中节点，回车打开。");
      this.ctx = this.canvas.getContext("2d");
      this.status = el.querySelector(".garden-graph__status");
      this.say = el.querySelector("p.garden-graph__sr");
      el.querySelectorAll(".garden-graph__button").forEach((b, i) => b.addEventListener("click", () => BUTTONS[i][2](this)));
      el.gardenGraph = this.api();
      this.seen = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) { this.seen.disconnect(); this.start(); }
      }, { rootMargin: "300px" });
      this.seen.observe(el);
    }

    api() {
      const g = this;
      return {
        get ready() { return !!g.view; },
        get nodeIds() { return g.view ? g.view.nodes.map((d) => d.id) : []; },
        get highlighted() { return g.hl >= 0 ? g.view.nodes[g.hl].id : null; },
        get zoom() { return g.z || 1; },
        screenPosition(id) {
          const i = g.view ? g.view.nodes.findIndex((d) => d.id === id) : -1;
          if (i < 0) return null;
          const r = g.canvas.getBoundingClientRect(), [x, y] = g.project(i);
          return { x: r.left + x, y: r.top + y };
        },
      };
    }

    start() {
      const src = this.el.dataset.graphSrc || "graph.json";
      const focus = this.el.dataset.graphFocus || null;
      const depth = this.el.dataset.graphDepth ? parseInt(this.el.dataset.graphDepth, 10) : 2;
      load(new URL(src, document.baseURI).href).then((g) => {
        if (this.gone) return;
        const view = subset(g, focus, isNaN(depth) ? 2 : depth);
        if (!view || !view.nodes.length) return this.message(view ? "还没有可以显示的笔记。" : "这篇笔记不在关系图谱中。");
        this.ready(view);
      }).catch((e) => {
        console.warn("garden graph:", e);
        if (!this.gone) this.message("关系图谱加载失败");
      });
    }

    message(text) { this.status.textContent = text; this.el.classList.add("garden-graph--message"); }

    ready(view) {
      this.view = view;
      const n = view.nodes.length;
      this.layer = document.createElement("canvas");
      this.heavy = n + view.edges.length / 2 > 6000; // too slow to paint anew on every frame
      this.rf = Float32Array.from(view.nodes, (d) => 1 + 0.35 * Math.sqrt(d.links));
      // Keyboard order: the focus first, then the most connected, then by title.
      const coll = new Intl.Collator("zh");
      this.order = view.nodes.map((d, i) => i).sort((a, b) => (b === view.focus) - (a === view.focus) ||
        view.nodes[b].links - view.nodes[a].links || coll.compare(view.nodes[a].title, view.nodes[b].title));
      let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      for (const d of view.nodes) { x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x); y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y); }
      this.box = { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, w: x1 - x0, h: y1 - y0 };
      this.z = 1; this.cx = this.box.cx; this.cy = this.box.cy;
      this.status.textContent = n === 1 && view.focus === 0 ? "这篇笔记还没有与其他笔记相连。" : "";
      this.el.classList.add("garden-graph--ready");
      if (n === 1) this.el.classList.add("garden-graph--alone");
      this.list();
      this.listen();
      this.resize();
      this.el.dataset.graphNodes = String(n);
      this.el.dataset.graphReady = "true";
    }

    /* A plain list of the nodes shown, for screen readers (out of the Tab order: the canvas
     * already takes the keyboard, and hundreds of hidden stops would trap sighted users). */
    list() {
      const ul = document.createElement("ul");
      ul.className = "garden-graph__sr";
      ul.setAttribute("aria-label", "图谱中的笔记");
      for (const i of this.order.slice(0, LIST_MAX)) {
        const d = this.view.nodes[i], li = ul.appendChild(document.createElement("li"));
        if (!d.href) { li.textContent = d.title + "（尚未写）"; continue; }
        const a = li.appendChild(document.createElement("a"));
        a.href = d.href; a.tabIndex = -1; a.textContent = (d.kind === "tag" ? "标签：" : "") + d.title;
      }
      if (this.order.length > LIST_MAX) ul.appendChild(document.createElement("li")).textContent = `……共 ${this.order.length} 个节点`;
      this.el.appendChild(ul);
    }

    listen() {
      const c = this.canvas, at = (e) => { const r = c.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
      this.resizer = new ResizeObserver(() => this.resize());
      this.resizer.observe(c);
      c.addEventListener("wheel", (e) => {
        e.preventDefault();
        const px = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.h : 1;
        // A touchpad pinch comes as a wheel with ctrlKey and small steps.
        this.stop(); this.zoomAt(Math.exp(-e.deltaY * px * (e.ctrlKey ? 0.01 : 0.002)), ...at(e));
      }, { passive: false });
      c.addEventListener("pointerdown", (e) => {
        if (e.button > 0) return;
        try { c.setPointerCapture(e.pointerId); } catch { /* a synthetic event */ }
        this.stop();
        const [x, y] = at(e);
        this.pointers.set(e.pointerId, { x, y });
        if (this.pointers.size === 1) this.drag = { x, y, moved: false };
        else this.drag.moved = true; // a second finger: a pinch, never a tap
      });
      c.addEventListener("pointermove", (e) => {
        const [x, y] = at(e), p = this.pointers.get(e.pointerId);
        if (!p) { if (e.pointerType !== "touch") this.setHl(this.nodeAt(x, y), false); return; }
        if (this.pointers.size === 1) {
          if (!this.drag.moved && Math.hypot(x - this.drag.x, y - this.drag.y) < 5) return;
          this.drag.moved = true; c.classList.add("garden-graph__canvas--drag");
          this.pan(x - p.x, y - p.y);
        } else if (this.pointers.size === 2) { // pinch: zoom by the change of spread, around the middle
          const [q] = [...this.pointers.values()].filter((o) => o !== p);
          const d0 = Math.hypot(p.x - q.x, p.y - q.y), d1 = Math.hypot(x - q.x, y - q.y);
          this.pan((x - p.x) / 2, (y - p.y) / 2);
          if (d0 > 0) this.zoomAt(d1 / d0, (x + q.x) / 2, (y + q.y) / 2);
        }
        p.x = x; p.y = y;
      });
      const up = (e) => {
        if (!this.pointers.delete(e.pointerId)) return;
        c.classList.remove("garden-graph__canvas--drag");
        if (this.pointers.size || this.drag.moved || e.type === "pointercancel") return;
        const i = this.nodeAt(...at(e));
        // Touch has no hover: the first tap shows the node's name, a second tap opens it.
        if (e.pointerType === "touch" && i !== this.hl) return this.setHl(i, false);
        this.open(i);
      };
      c.addEventListener("pointerup", up);
      c.addEventListener("pointercancel", up);
      c.addEventListener("pointerleave", (e) => { if (!this.pointers.size && e.pointerType !== "touch") this.setHl(-1, false); });
      c.addEventListener("blur", () => { if (this.hlByKey) this.setHl(-1, false); });
      c.addEventListener("keydown", (e) => this.key(e));
    }

    key(e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const step = 60, arrows = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      const k = e.key;
      if (arrows[k]) { this.stop(); this.pan(...arrows[k]); }
      else if (k === "+" || k === "=") this.zoomBy(1.6);
      else if (k === "-" || k === "_") this.zoomBy(1 / 1.6);
      else if (k === "0") this.reset();
      else if ("nNpP[]".includes(k) && k.length === 1) this.step(k === "n" || k === "N" || k === "]" ? 1 : -1);
      else if (k === "Enter") this.open(this.hl);
      else if (k === "Escape" && this.hl >= 0) this.setHl(-1, false);
      else return;
      e.preventDefault();
      e.stopPropagation(); // Material's own shortcuts (n, p: next, previous page) listen on window
    }

    /* Highlights the next (or previous) node in keyboard order and brings it into view. */
    step(dir) {
      const o = this.order, at = o.indexOf(this.hl);
      const i = o[at < 0 ? (dir > 0 ? 0 : o.length - 1) : (at + dir + o.length) % o.length];
      this.setHl(i, true);
      const [x, y] = this.project(i), m = 40;
      if (x < m || y < m || x > this.w - m || y > this.h - m) this.animate(this.z, this.view.nodes[i].x, this.view.nodes[i].y);
    }

    setHl(i, byKey) {
      if (i === this.hl) return;
      this.hl = i; this.hlByKey = byKey;
      this.canvas.style.cursor = i >= 0 && this.view.nodes[i].href ? "pointer" : "";
      if (byKey && i >= 0) {
        const d = this.view.nodes[i];
        this.say.textContent = `${d.title}，${d.kind === "tag" ? "标签" : d.kind === "ghost" ? "尚未写的笔记" : "笔记"}，${this.view.adj[i].length} 个连接`;
      }
      this.draw();
    }

    /* Follows a link as a click would, so that Material's instant navigation takes it (and the
     * graph stays cached); without it, the browser simply loads the page. */
    open(i) {
      const d = i >= 0 && this.view.nodes[i];
      if (!d || !d.href) return;
      const a = document.body.appendChild(document.createElement("a"));
      a.href = d.href; a.click(); a.remove();
    }

    nodeAt(px, py) {
      const n = this.view.nodes.length, rs = this.radius(), [sx, sy] = this.positions();
      let best = -1, bestD = Infinity;
      for (let i = 0; i < n; i++) {
        const d = (sx[i] - px) ** 2 + (sy[i] - py) ** 2, r = Math.max(rs * this.rf[i], 6) + 2;
        if (d <= r * r && d < bestD) { best = i; bestD = d; }
      }
      return best;
    }

    /* View: zoom `z` (1 = the nodes fitted to the box) around world point (cx, cy). */
    scale() { return this.fitK * this.z; }
    project(i) {
      const d = this.view.nodes[i], k = this.scale();
      return [(d.x - this.cx) * k + this.mx, (d.y - this.cy) * k + this.h / 2];
    }
    radius() { return this.base * Math.min(Math.max(Math.sqrt(this.z), 0.6), 4); }
    pan(dx, dy) { const k = this.scale(); this.cx -= dx / k; this.cy -= dy / k; this.request(); }
    zoomAt(f, px, py) {
      const z = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, this.z * f)), k0 = this.scale(), k1 = this.fitK * z;
      this.cx += (px - this.mx) * (1 / k0 - 1 / k1); // the point under the pointer stays put
      this.cy += (py - this.h / 2) * (1 / k0 - 1 / k1);
      this.z = z; this.request();
    }
    zoomBy(f) { this.animate(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, this.z * f)), this.cx, this.cy); }
    reset() { this.animate(1, this.box.cx, this.box.cy); }
    stop() { cancelAnimationFrame(this.anim); this.anim = 0; }
    animate(z, cx, cy) {
      this.stop();
      if (still.matches) { Object.assign(this, { z, cx, cy }); return this.request(); }
      const a = { z: this.z, cx: this.cx, cy: this.cy }, t0 = performance.now();
      const tick = (now) => {
        const t = Math.min(1, (now - t0) / 220), e = 1 - (1 - t) ** 3;
        this.z = a.z * (z / a.z) ** e; this.cx = a.cx + (cx - a.cx) * e; this.cy = a.cy + (cy - a.cy) * e;
        this.draw();
        this.anim = t < 1 ? requestAnimationFrame(tick) : 0;
      };
      this.anim = requestAnimationFrame(tick);
    }

    resize() {
      const c = this.canvas, w = c.clientWidth, h = c.clientHeight, dpr = devicePixelRatio || 1;
      if (!w || !h) return;
      Object.assign(this, { w, h, dpr });
      c.width = Math.round(w * dpr); c.height = Math.round(h * dpr);
      const n = this.view.nodes.length, pad = Math.min(48, Math.min(w, h) * 0.12), b = this.box;
      // Fit the nodes' box into the canvas left of the buttons; a single node (or a line) has
      // no extent to fit. `mx` is where the view's centre falls.
      const side = n > 1 ? Math.min(40, w * 0.1) : 0;
      this.mx = (w - side) / 2;
      const kx = b.w > 1e-9 ? (w - side - 2 * pad) / b.w : Infinity, ky = b.h > 1e-9 ? (h - 2 * pad) / b.h : Infinity;
      this.fitK = Math.min(kx, ky) < Infinity ? Math.max(Math.min(kx, ky), 1e-9) : 1;
      this.base = Math.min(5, Math.max(1.5, 0.1 * Math.sqrt((w * h) / n)));
      this.draw();
    }

    request() { if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); }); }

    /* Edges and nodes (all but the focus) go to an offscreen layer, painted again only when
     * the view or the colours change; hover and labels are drawn over it. A big graph takes
     * long to paint without a GPU: while it moves, the old layer is shifted and scaled, and
     * the layer is painted anew once the view has been still for a moment. */
    paintBase() {
      const { w, h, dpr, view, layer } = this, n = view.nodes.length, c = this.colors, x = layer.getContext("2d");
      layer.width = this.canvas.width; layer.height = this.canvas.height; // also clears it
      x.setTransform(dpr, 0, 0, dpr, 0, 0);
      const [sx, sy] = this.positions(), rs = this.radius(), E = view.edges, edges = new Path2D(), paths = {};
      for (let e = 0; e < E.length; e += 2) {
        const a = E[e], b = E[e + 1], x0 = sx[a], y0 = sy[a], x1 = sx[b], y1 = sy[b];
        if ((x0 < 0 && x1 < 0) || (y0 < 0 && y1 < 0) || (x0 > w && x1 > w) || (y0 > h && y1 > h)) continue;
        edges.moveTo(x0, y0); edges.lineTo(x1, y1);
      }
      // At most one device pixel wide: software rasterisers draw such hairlines far faster.
      // Thousands of edges are fainter, or they would merge into a dark mass.
      x.lineWidth = Math.min(0.8, 1 / dpr); x.strokeStyle = c.lighter;
      x.globalAlpha = Math.min(0.8, 0.8 * Math.sqrt(1500 / (E.length / 2 + 1)));
      x.stroke(edges);
      x.globalAlpha = 1;
      for (let i = 0; i < n; i++) {
        if (i === view.focus) continue;
        const kind = view.nodes[i].kind;
        this.dot(paths[kind] || (paths[kind] = new Path2D()), i, sx, sy, rs);
      }
      for (const kind in paths) this.fill(x, paths[kind], kind, c);
      this.painted = { k: this.scale(), cx: this.cx, cy: this.cy, w, h, dpr, c };
    }

    positions() {
      const nodes = this.view.nodes, n = nodes.length, k = this.scale(), ox = this.mx - this.cx * k, oy = this.h / 2 - this.cy * k;
      const sx = new Float32Array(n), sy = new Float32Array(n);
      for (let i = 0; i < n; i++) { sx[i] = nodes[i].x * k + ox; sy[i] = nodes[i].y * k + oy; }
      return [sx, sy];
    }

    dot(p, i, sx, sy, rs) {
      const r = rs * this.rf[i], x = sx[i], y = sy[i];
      if (x < -r || y < -r || x > this.w + r || y > this.h + r) return;
      p.moveTo(x + r, y); p.arc(x, y, r, 0, 2 * Math.PI);
    }

    fill(x, p, kind, c) {
      x.fillStyle = c.bg; x.fill(p); // the colours are translucent: hide the edges beneath
      if (kind === "ghost") { x.lineWidth = 1; x.strokeStyle = c.light; x.stroke(p); }
      else { x.fillStyle = kind === "tag" ? c.primary : c.light; x.fill(p); }
    }

    draw() {
      if (!this.w || this.gone) return;
      const { ctx, w, h, dpr, view, hl } = this, c = this.colors || (this.colors = colors(this.el)), k = this.scale();
      let b = this.painted;
      const moved = b && (b.k !== k || b.cx !== this.cx || b.cy !== this.cy);
      if (!b || b.w !== w || b.h !== h || b.dpr !== dpr || b.c !== c || (moved && !this.heavy)) { this.paintBase(); b = this.painted; }
      else if (moved) {
        clearTimeout(this.settle);
        this.settle = setTimeout(() => { if (!this.gone) { this.paintBase(); this.draw(); } }, 160);
      }
      const s = k / b.k;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
      ctx.setTransform(dpr * s, 0, 0, dpr * s, dpr * (this.mx * (1 - s) + (b.cx - this.cx) * k), dpr * ((h / 2) * (1 - s) + (b.cy - this.cy) * k));
      ctx.globalAlpha = hl >= 0 ? 0.22 : 1; // hovering dims everything but the node's neighbourhood
      ctx.drawImage(this.layer, 0, 0, w, h);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.globalAlpha = 1;

      const [sx, sy] = this.positions(), rs = this.radius(), near = new Uint8Array(view.nodes.length);
      if (hl >= 0) {
        near[hl] = 1;
        const lit = new Path2D(), paths = {};
        for (const j of view.adj[hl]) { near[j] = 1; lit.moveTo(sx[hl], sy[hl]); lit.lineTo(sx[j], sy[j]); }
        ctx.lineWidth = view.adj[hl].length > 50 ? 0.8 : 1.4; ctx.strokeStyle = c.accent; ctx.stroke(lit);
        for (const j of view.adj[hl]) {
          if (j === view.focus) continue;
          const kind = view.nodes[j].kind;
          this.dot(paths[kind] || (paths[kind] = new Path2D()), j, sx, sy, rs);
        }
        for (const kind in paths) this.fill(ctx, paths[kind], kind, c);
      }
      for (const i of new Set([view.focus, hl])) { // the focus and the highlighted node on top
        if (i < 0) continue;
        const r = Math.max(rs * this.rf[i], 4), ghost = view.nodes[i].kind === "ghost";
        ctx.globalAlpha = hl >= 0 && !near[i] ? 0.22 : 1;
        if (i === view.focus) { // a soft ring marks the note the page is about
          ctx.beginPath(); ctx.arc(sx[i], sy[i], r + 4, 0, 2 * Math.PI);
          ctx.globalAlpha *= 0.25; ctx.fillStyle = c.accent; ctx.fill(); ctx.globalAlpha *= 4;
        }
        ctx.beginPath(); ctx.arc(sx[i], sy[i], r, 0, 2 * Math.PI);
        ctx.fillStyle = ghost ? c.bg : c.accent; ctx.fill();
        if (ghost || i === hl) { ctx.lineWidth = 1.5; ctx.strokeStyle = i === hl && !ghost ? c.fg : c.accent; ctx.stroke(); }
      }
      ctx.globalAlpha = 1;
      this.labels(sx, sy, near, rs, c);
    }

    /* Labels under the nodes: the highlighted and focused ones always, then its neighbours,
     * then the biggest nodes while they are large enough on screen, never overlapping. */
    labels(sx, sy, near, rs, c) {
      const { ctx, view, hl, w, h } = this, placed = [];
      const put = (i, force) => {
        const d = view.nodes[i], main = i === hl || i === view.focus;
        const text = main || d.title.length <= 18 ? d.title : d.title.slice(0, 17) + "…";
        ctx.font = `${main ? "600 13px" : "12px"} ${c.font}`;
        const tw = ctx.measureText(text).width, y = sy[i] + Math.max(rs * this.rf[i], 4) + 4;
        // Kept inside the canvas when the node is near its side, unless it is far outside.
        const x = Math.abs(sx[i] - w / 2) < w / 2 + 20 ? Math.min(Math.max(sx[i], tw / 2 + 4), w - tw / 2 - 4) : sx[i];
        const box = [x - tw / 2 - 3, y - 1, x + tw / 2 + 3, y + 16];
        if (box[2] < 0 || box[0] > w || box[3] < 0 || box[1] > h) return;
        if (!force && placed.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) return;
        placed.push(box);
        ctx.textAlign = "center"; ctx.textBaseline = "top";
        if (i === hl) { // a card behind the hovered name, like a tooltip
          ctx.fillStyle = c.bg; ctx.strokeStyle = c.lighter; ctx.lineWidth = 1;
          ctx.beginPath(); (ctx.roundRect || ctx.rect).call(ctx, box[0] - 2, box[1] - 2, box[2] - box[0] + 4, box[3] - box[1] + 2, 4);
          ctx.fill(); ctx.stroke();
        } else { ctx.lineWidth = 3; ctx.strokeStyle = c.bg; ctx.lineJoin = "round"; ctx.strokeText(text, x, y); }
        ctx.fillStyle = main ? c.fg : d.kind === "tag" ? c.primary : c.light;
        ctx.fillText(text, x, y);
      };
      if (hl >= 0) put(hl, true);
      if (view.focus >= 0 && view.focus !== hl) put(view.focus, true);
      for (const i of this.order) {
        if (placed.length > 150) break;
        if (i === hl || i === view.focus) continue;
        if (hl >= 0 ? near[i] : rs * this.rf[i] >= LABEL_R) put(i, false);
        else if (hl < 0) break; // the order goes by size: no smaller node qualifies
      }
    }

    destroy() {
      this.gone = true;
      this.seen.disconnect();
      if (this.resizer) this.resizer.disconnect();
      cancelAnimationFrame(this.frame); this.stop(); clearTimeout(this.settle);
      live.delete(this);
    }
  }

  /* Light and dark schemes: Material switches attributes on <body>; colours are read anew. */
  new MutationObserver(() => {
    for (const g of live) { g.colors = null; g.request(); }
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"] });

  function init() {
    for (const g of live) if (!g.el.isConnected) g.destroy(); // the page they were on is gone
    for (const el of document.querySelectorAll(".garden-graph:not([data-graph-init])")) {
      el.dataset.graphInit = "";
      live.add(new Graph(el));
    }
  }

  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
