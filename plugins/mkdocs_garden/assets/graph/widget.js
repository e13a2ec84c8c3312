/* One graph on the page: a <div class="garden-graph" data-graph-src=…> with, for a note's
 * local graph, data-graph-focus (the note) and data-graph-depth (how many steps around it;
 * 1 by default). It loads when scrolled near, then draws on demand. */

import { canvasLabel, describeNode, nodeList } from "./accessibility.js";
import * as cameras from "./camera.js";
import { importanceOrder, subset } from "./data.js";
import { BUTTONS, bindInput } from "./input.js";
import { SHORT_MAX, labelText, placeLabels } from "./labels.js";
import { viewPositions } from "./layout.js";
import { loadGraph } from "./loader.js";
import {
  LABEL_HEIGHT,
  baseOpacity,
  labelFont,
  paintBase,
  paintLabels,
  paintOverlay,
  readPalette,
} from "./paint.js";
import { nodeAt, project, sizeFactors } from "./scene.js";

const DEFAULT_DEPTH = 1;
const HEAVY = 6000; // nodes and edges beyond which the layer is not painted anew every frame
const LABELS_MAX = 150;
const LABEL_TRIES = 600; // nodes considered for a label each frame, most important first
const LABEL_PADDING = 3; // px each side of the text
const STRETCH = { whole: 1.4, local: 3 }; // how much wider than tall the fit may scale
const ANIMATION_MS = 220;
const SETTLE_MS = 160;
const KEEP_IN_VIEW = 40; // px: a node picked by the keyboard nearer the edge is brought in
const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");
const icon = (d) => `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${d}"/></svg>`;

export class GraphWidget {
  constructor(element) {
    this.element = element;
    this.highlighted = -1; // hovered, tapped or picked by the keyboard
    this.highlightedByKey = false;
    this.frameRequest = 0;
    this.animation = 0;
    this.labels = [];
    this.textWidths = new Map();
    const buttons = BUTTONS.map(
      ({ label, icon: path }) =>
        `<button type="button" class="garden-graph__button" title="${label}" aria-label="${label}">` +
        `${icon(path)}</button>`,
    ).join("");
    element.insertAdjacentHTML(
      "beforeend",
      `<canvas class="garden-graph__canvas" tabindex="0" role="application"></canvas>` +
        `<div class="garden-graph__controls">${buttons}</div>` +
        `<p class="garden-graph__status" role="status">关系图谱加载中…</p>` +
        `<p class="garden-graph__sr" aria-live="polite"></p>`,
    );
    this.canvas = element.querySelector(".garden-graph__canvas");
    this.canvas.setAttribute("aria-label", canvasLabel(element.dataset.graphLabel || "关系图谱"));
    this.context = this.canvas.getContext("2d");
    this.controls = element.querySelector(".garden-graph__controls");
    this.status = element.querySelector(".garden-graph__status");
    this.announcer = element.querySelector("p.garden-graph__sr");
    element.querySelectorAll(".garden-graph__button").forEach((button, i) => {
      button.addEventListener("click", () => BUTTONS[i].press(this));
    });
    element.gardenGraph = this.api();
    this.watcher = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.watcher.disconnect();
        this.start();
      },
      { rootMargin: "300px" },
    );
    this.watcher.observe(element);
  }

  /** What tests and other scripts may read: node ids, screen positions, labels drawn. */
  api() {
    const widget = this;
    const client = () => widget.canvas.getBoundingClientRect();
    return {
      get ready() {
        return Boolean(widget.view);
      },
      get nodeIds() {
        return widget.view ? widget.view.nodes.map((node) => node.id) : [];
      },
      get highlighted() {
        return widget.highlighted >= 0 ? widget.view.nodes[widget.highlighted].id : null;
      },
      get zoom() {
        return widget.camera?.zoom ?? 1;
      },
      /** The labels drawn, in page (client) pixels. */
      get labels() {
        const { left, top } = client();
        return widget.labels.map((label) => ({
          id: widget.view.nodes[label.node].id,
          text: label.text,
          left: left + label.left,
          top: top + label.top,
          right: left + label.right,
          bottom: top + label.bottom,
        }));
      },
      screenPosition(id) {
        const i = widget.view ? widget.view.nodes.findIndex((node) => node.id === id) : -1;
        if (i < 0 || !widget.scene) return null;
        const { left, top } = client();
        return { x: left + widget.scene.x[i], y: top + widget.scene.y[i], r: widget.scene.r[i] };
      },
    };
  }

  start() {
    const { graphSrc, graphFocus, graphDepth } = this.element.dataset;
    const depth = Number.parseInt(graphDepth ?? "", 10);
    loadGraph(new URL(graphSrc || "graph.json", document.baseURI).href)
      .then((graph) => {
        if (this.gone) return;
        const view = subset(graph, graphFocus || null, Number.isNaN(depth) ? DEFAULT_DEPTH : depth);
        if (!view) this.message("这篇笔记不在关系图谱中。");
        else if (!view.nodes.length) this.message("还没有可以显示的笔记。");
        else this.show(view);
      })
      .catch((error) => {
        console.warn("garden graph:", error);
        if (!this.gone) this.message("关系图谱加载失败");
      });
  }

  message(text) {
    this.status.textContent = text;
    this.element.classList.add("garden-graph--message");
  }

  show(view) {
    const count = view.nodes.length;
    const alone = count === 1;
    this.view = view;
    this.local = view.focus >= 0;
    this.order = importanceOrder(view, new Intl.Collator("zh").compare);
    this.sizes = sizeFactors(view.nodes);
    this.heavy = count + view.edges.length / 2 > HEAVY;
    this.layer = document.createElement("canvas");
    this.status.textContent = alone && this.local ? "这篇笔记还没有与其他笔记相连。" : "";
    this.element.classList.add("garden-graph--ready");
    if (alone) this.element.classList.add("garden-graph--alone");
    this.positions = viewPositions(view, this.roomAspect());
    this.box = cameras.bounds(this.positions.x, this.positions.y);
    this.element.appendChild(nodeList(document, view.nodes, this.order));
    bindInput(this.canvas, this);
    this.resizer = new ResizeObserver(() => this.resize());
    this.resizer.observe(this.canvas);
    this.resize();
    this.element.dataset.graphNodes = String(count);
    this.element.dataset.graphReady = "true";
  }

  /** The frame the nodes are fitted into: margins leave room for labels around the outer
   * dots, and for the buttons on the right. */
  frame(width = this.width, height = this.height) {
    const buttons = this.view.nodes.length > 1 ? Math.min(40, width * 0.1) : 0;
    const side = Math.min(56, width * 0.12);
    const end = Math.min(LABEL_HEIGHT + 18, height * 0.12);
    return { width, height, margin: { left: side, right: side + buttons, top: end, bottom: end } };
  }

  /** Width / height of the room the nodes are fitted into (1 while the canvas has no size). */
  roomAspect() {
    const { clientWidth: width, clientHeight: height } = this.canvas;
    if (!width || !height) return 1;
    const { margin } = this.frame(width, height);
    return (width - margin.left - margin.right) / Math.max(1, height - margin.top - margin.bottom);
  }

  home() {
    return cameras.fit(this.box, this.frame(), this.local ? STRETCH.local : STRETCH.whole);
  }

  resize() {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (!width || !height) return;
    const dpr = devicePixelRatio || 1;
    Object.assign(this, { width, height, dpr });
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    const stretch = this.local ? STRETCH.local : STRETCH.whole;
    this.camera = this.camera
      ? cameras.refit(this.camera, this.box, this.frame(), stretch)
      : this.home();
    this.obstacles = this.controlsBox();
    this.draw();
  }

  /** Where the buttons are, in canvas pixels (labels stay clear of them). */
  controlsBox() {
    const controls = this.controls.getBoundingClientRect();
    if (!controls.width) return [];
    const canvas = this.canvas.getBoundingClientRect();
    return [
      {
        left: controls.left - canvas.left - 4,
        top: controls.top - canvas.top - 4,
        right: controls.right - canvas.left + 4,
        bottom: controls.bottom - canvas.top + 4,
      },
    ];
  }

  // Moving the view -----------------------------------------------------------------------

  pan(dx, dy) {
    this.camera = cameras.panned(this.camera, dx, dy);
    this.request();
  }

  zoomAt(factor, x, y) {
    this.camera = cameras.zoomedAt(this.camera, factor, x, y);
    this.request();
  }

  zoomBy(factor) {
    const zoom = cameras.clampZoom(this.camera.zoom * factor);
    this.animate({ ...this.camera, zoom });
  }

  reset() {
    this.animate(this.home());
  }

  stop() {
    cancelAnimationFrame(this.animation);
    this.animation = 0;
  }

  animate(target) {
    this.stop();
    if (reducedMotion.matches) {
      this.camera = target;
      this.request();
      return;
    }
    const from = this.camera;
    const started = performance.now();
    const tick = (now) => {
      const t = Math.min(1, (now - started) / ANIMATION_MS);
      this.camera = cameras.between(from, target, 1 - (1 - t) ** 3);
      this.draw();
      this.animation = t < 1 ? requestAnimationFrame(tick) : 0;
    };
    this.animation = requestAnimationFrame(tick);
  }

  // Pointer and keyboard -------------------------------------------------------------------

  nodeAt(x, y) {
    return this.scene ? nodeAt(this.scene, x, y) : -1;
  }

  hover(node, byKey) {
    if (node === this.highlighted) return;
    this.highlighted = node;
    this.highlightedByKey = byKey;
    this.canvas.style.cursor = node >= 0 && this.view.nodes[node].href ? "pointer" : "";
    if (byKey && node >= 0) {
      this.announcer.textContent = describeNode(
        this.view.nodes[node],
        this.view.adjacency[node].length,
      );
    }
    this.draw();
  }

  blurred() {
    if (this.highlightedByKey) this.hover(-1, false);
  }

  /** Carries out a key's command; false for one that does nothing here. */
  command(command) {
    if (command.pan) {
      this.stop();
      this.pan(...command.pan);
    } else if (command.zoom) this.zoomBy(command.zoom);
    else if (command.reset) this.reset();
    else if (command.step) this.step(command.step);
    else if (command.open) this.open(this.highlighted);
    else if (command.clear && this.highlighted >= 0) this.hover(-1, false);
    else return false;
    return true;
  }

  /** Highlights the next (or previous) node in order of importance, and brings it into view. */
  step(direction) {
    const { order } = this;
    const at = order.indexOf(this.highlighted);
    const next =
      at < 0
        ? order[direction > 0 ? 0 : order.length - 1]
        : order[(at + direction + order.length) % order.length];
    this.hover(next, true);
    const [x, y] = cameras.toScreen(this.camera, this.positions.x[next], this.positions.y[next]);
    if (!cameras.inside(x, y, this.width, this.height, KEEP_IN_VIEW)) {
      this.animate({
        ...this.camera,
        centreX: this.positions.x[next],
        centreY: this.positions.y[next],
      });
    }
  }

  /** Follows a link as a click would, so that Material's instant navigation takes it (and the
   * graph stays cached); without it, the browser simply loads the page. */
  open(node) {
    const href = node >= 0 ? this.view.nodes[node].href : null;
    if (!href) return;
    const link = document.body.appendChild(document.createElement("a"));
    link.href = href;
    link.click();
    link.remove();
  }

  // Drawing -------------------------------------------------------------------------------

  request() {
    if (this.frameRequest) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.draw();
    });
  }

  /** Schemes switch colours: they are read again on the next frame. */
  recolour() {
    this.palette = null;
    this.request();
  }

  draw() {
    if (!this.width || this.gone) return;
    this.palette ??= readPalette(this.element);
    const { context, width, height, dpr, camera, view, highlighted, palette } = this;
    this.scene = project(this.positions, this.sizes, camera, width, height);
    const painted = this.layerFor(camera);
    const s = camera.zoom / painted.zoom;
    const shiftX =
      camera.originX * (1 - s) + (painted.centreX - camera.centreX) * camera.scaleX * camera.zoom;
    const shiftY =
      camera.originY * (1 - s) + (painted.centreY - camera.centreY) * camera.scaleY * camera.zoom;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    context.setTransform(dpr * s, 0, 0, dpr * s, dpr * shiftX, dpr * shiftY);
    context.globalAlpha = baseOpacity(highlighted); // hovering dims all but the neighbourhood
    context.drawImage(this.layer, 0, 0, width, height);
    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    context.globalAlpha = 1;
    const state = { view, scene: this.scene, width, height, highlighted, palette };
    const near = paintOverlay(context, state);
    this.labels = this.placeLabels(near);
    paintLabels(context, this.labels, state);
  }

  /** The camera the base layer was painted with: painted anew when the view changed, except
   * in a big graph while it moves (the old layer is shifted and scaled, and painted anew once
   * the view has been still for a moment). */
  layerFor(camera) {
    const last = this.painted;
    const sameFrame =
      last &&
      last.width === this.width &&
      last.height === this.height &&
      last.dpr === this.dpr &&
      last.palette === this.palette &&
      last.camera.scaleX === camera.scaleX &&
      last.camera.scaleY === camera.scaleY &&
      last.camera.originX === camera.originX &&
      last.camera.originY === camera.originY;
    const moved =
      last &&
      (last.camera.zoom !== camera.zoom ||
        last.camera.centreX !== camera.centreX ||
        last.camera.centreY !== camera.centreY);
    if (!sameFrame || (moved && !this.heavy)) this.paintLayer();
    else if (moved) {
      clearTimeout(this.settle);
      this.settle = setTimeout(() => {
        if (this.gone) return;
        this.paintLayer();
        this.draw();
      }, SETTLE_MS);
    }
    return this.painted.camera;
  }

  paintLayer() {
    const { layer, width, height, dpr, view, scene, palette, camera } = this;
    layer.width = this.canvas.width; // also clears it
    layer.height = this.canvas.height;
    const context = layer.getContext("2d");
    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    paintBase(context, { view, scene, width, height, palette });
    this.painted = { camera, width, height, dpr, palette };
  }

  /** Labels for the hovered node and the focus first (or, in the whole graph, the most
   * connected node), then the hovered node's neighbours while hovering, else the most
   * connected nodes, wherever they fit. */
  placeLabels(near) {
    const { view, highlighted, scene, width, height, order } = this;
    const { focus } = view;
    const leader = highlighted >= 0 || focus >= 0 ? -1 : order[0];
    const forced = [highlighted, focus, leader].filter(
      (i, k, all) => i >= 0 && all.indexOf(i) === k,
    );
    const rest = order.filter(
      (i) => !forced.includes(i) && (highlighted < 0 || near.has(i)) && this.visible(i),
    );
    const centre =
      focus >= 0 ? [scene.x[focus], scene.y[focus]] : [this.camera.originX, this.camera.originY];
    const texts = new Map();
    const requests = [...forced, ...rest.slice(0, LABEL_TRIES)].map((i) => {
      const main = i === highlighted || i === focus;
      const title = view.nodes[i].title;
      const text = labelText(title, main);
      const short = labelText(title, main, SHORT_MAX);
      texts.set(i, [text, short]);
      return {
        node: i,
        x: scene.x[i],
        y: scene.y[i],
        r: Math.max(scene.r[i], main ? 4 : 0) + (i === focus ? 4 : 0),
        width: this.textWidth(text, main) + 2 * LABEL_PADDING,
        shortWidth: short === text ? 0 : this.textWidth(short, main) + 2 * LABEL_PADDING,
        height: LABEL_HEIGHT,
        forced: forced.includes(i),
        outward: [scene.x[i] - centre[0], scene.y[i] - centre[1]],
      };
    });
    const area = { width, height, dots: scene, obstacles: this.obstacles };
    const placed = placeLabels(requests, area, { limit: LABELS_MAX });
    return placed.map((label) => ({ ...label, text: texts.get(label.node)[label.short ? 1 : 0] }));
  }

  visible(i) {
    const { x, y } = this.scene;
    return x[i] >= 0 && y[i] >= 0 && x[i] <= this.width && y[i] <= this.height;
  }

  textWidth(text, main) {
    const key = `${main ? 1 : 0}${text}`;
    if (!this.textWidths.has(key)) {
      this.context.font = labelFont(main, this.palette);
      this.textWidths.set(key, this.context.measureText(text).width);
    }
    return this.textWidths.get(key);
  }

  destroy() {
    this.gone = true;
    this.watcher.disconnect();
    this.resizer?.disconnect();
    cancelAnimationFrame(this.frameRequest);
    this.stop();
    clearTimeout(this.settle);
  }
}
