/* Garden: hover previews of internal links: a note's opening, or the section a `#标题` or
 * `#^id` points at. Ids are looked up decoded, so Chinese headings work (Material's own preview
 * selects by the percent-encoded hash). Mouse, pen and keyboard focus; off on touch screens. */
const SHOW_DELAY = 300; // ms the pointer rests on a link
const HIDE_DELAY = 250; // ms of grace to move from the link into the preview
const START_BLOCKS = 3; // without a hash: the title, then this many blocks of text…
const START_CHARS = 400; // …or about this many characters
const FILE = /\.(?!html?$)[a-z0-9]+$/i; // .pdf, .png, .svg…: files, not pages
const IMAGE = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp)$/i; // files previewed as themselves
const HEADING = /^H([1-6])$/;
const BLOCK = "p, li, dt, dd, blockquote, table, pre, details, .admonition, .garden-math, figure";
const TEXT = "p, ul, ol, dl, blockquote, table, details, .admonition, .garden-math";
const DROP = [
  "a.headerlink, script, style, nav.md-tags, .garden-connections, .garden-graph",
  "object, embed, base, meta, link, form, noscript, template",
].join(", ");
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "xlink:href",
  "action",
  "formaction",
  "data",
  "poster",
]);
const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);

const noHover = matchMedia("(hover: none)");
const scope = (window.__md_scope || new URL("/", location)).pathname;
const cache = new Map(); // URL without hash -> Promise of the parsed page
let box = null; // the popover, made on first use
let link = null; // the link it describes while shown
let showTimer = 0;
let hideTimer = 0;
let ticket = 0; // tells the answer still wanted from late ones

/* The link an event target is in, if it leads to another page of this site. */
function previewable(target) {
  const a = target instanceof Element ? target.closest("a[href]") : null;
  if (
    !a?.closest("article.md-content__inner") ||
    a.closest(".garden-graph, .headerlink, .glightbox")
  ) {
    return null;
  }
  const url = new URL(a.href); // mailto: and other schemes have the origin "null"
  const here = url.pathname === location.pathname && url.search === location.search;
  const kind = IMAGE.test(url.pathname) || !FILE.test(url.pathname);
  const page = url.pathname.startsWith(scope) && kind && !a.hasAttribute("download");
  return url.origin === location.origin && page && !here ? a : null;
}

function load(key) {
  if (!cache.has(key)) {
    const page = fetch(key).then(async (response) => {
      if (!response.ok) throw new Error(`${response.status} ${key}`);
      return new DOMParser().parseFromString(await response.text(), "text/html");
    });
    page.catch(() => cache.delete(key)); // try again on the next hover
    cache.set(key, page);
  }
  return cache.get(key);
}

function byId(doc, hash) {
  try {
    return doc.getElementById(decodeURIComponent(hash)) || doc.getElementById(hash);
  } catch {
    return doc.getElementById(hash); // a malformed escape
  }
}

/* A heading and what follows it, up to the next heading of the same or a higher level. */
function section(heading) {
  const level = +HEADING.exec(heading.tagName)[1];
  const nodes = [heading];
  for (let node = heading.nextElementSibling; node; node = node.nextElementSibling) {
    const next = HEADING.exec(node.tagName);
    if ((next && +next[1] <= level) || node.matches(".garden-connections")) break;
    nodes.push(node);
  }
  return nodes;
}

/* The block around an anchor (`^id`) or any other element; a list item keeps its list. */
function block(target, article) {
  const found = target.closest(BLOCK);
  if (!found || !article.contains(found)) return target === article ? null : [target];
  if (found.tagName !== "LI") return [found];
  const list = found.parentNode.cloneNode(false);
  list.append(found.cloneNode(true));
  return [list];
}

/* The page's title and its first blocks of text, with the headings between them. */
function start(article) {
  const title = article.querySelector("h1");
  const nodes = title ? [title] : [];
  let headings = [];
  let blocks = 0;
  let chars = 0;
  let node = title ? title.nextElementSibling : article.firstElementChild;
  for (; node && blocks < START_BLOCKS && chars < START_CHARS; node = node.nextElementSibling) {
    if (HEADING.test(node.tagName)) headings.push(node);
    if (!node.matches(TEXT) || !node.textContent.trim()) continue;
    nodes.push(...headings, node);
    headings = [];
    blocks += 1;
    chars += node.textContent.trim().length;
  }
  return nodes;
}

function extract(doc, url) {
  const article = doc.querySelector("article.md-content__inner");
  if (!article) return null;
  const target = url.hash && byId(doc, url.hash.slice(1));
  let nodes = null;
  if (target && article.contains(target)) {
    nodes = HEADING.test(target.tagName) ? section(target) : block(target, article);
  }
  // Built and cleaned inside the parsed document, which is inert: nothing in it loads or
  // runs until it is imported into this page, after the cleaning.
  const content = doc.createElement("div");
  content.className = "md-typeset";
  content.append(...(nodes || start(article)).map((node) => node.cloneNode(true)));
  clean(content, url);
  return document.importNode(content, true);
}

/* A URL that cannot run script: relative, or of a scheme that only navigates. */
function safeUrl(value, base) {
  try {
    return SAFE_SCHEMES.has(new URL(value, base).protocol);
  } catch {
    return false;
  }
}

/* No permalinks, scripts, handlers, frames or ids; links and images resolved against the
 * page. The site's pages are sanitised when built; this holds even for one that is not. */
function clean(content, base) {
  content.querySelectorAll(DROP).forEach((node) => node.remove());
  for (const node of content.querySelectorAll("*")) {
    for (const { name, value } of [...node.attributes]) {
      const url = URL_ATTRIBUTES.has(name) && !safeUrl(value, base);
      if (name.startsWith("on") || name === "srcdoc" || url) node.removeAttribute(name);
    }
  }
  content.querySelectorAll("iframe").forEach((frame) => {
    const note = content.ownerDocument.createElement("span");
    note.className = "garden-preview-note";
    note.textContent = `（交互页面${frame.title ? "：" + frame.title : ""}）`;
    frame.replaceWith(note);
  });
  content.querySelectorAll("[id], [name]").forEach((node) => {
    node.removeAttribute("id");
    node.removeAttribute("name");
  });
  for (const name of ["href", "src"]) {
    content.querySelectorAll(`[${name}]`).forEach((node) => {
      try {
        node.setAttribute(name, new URL(node.getAttribute(name), base).href);
      } catch {
        // keep what cannot be resolved
      }
    });
  }
  // A figure's <source srcset> (its file for a narrow screen): each candidate's address too.
  content.querySelectorAll("[srcset]").forEach((node) => {
    try {
      const candidates = node
        .getAttribute("srcset")
        .split(",")
        .map((candidate) => {
          const [address, ...descriptor] = candidate.trim().split(/\s+/);
          return [new URL(address, base).href, ...descriptor].join(" ");
        });
      node.setAttribute("srcset", candidates.join(", "));
    } catch {
      node.removeAttribute("srcset");
    }
  });
}

/* Below the link, or above it when there is no room below; always inside the viewport. */
function place() {
  const rects = link.getClientRects();
  const height = innerHeight;
  if (!rects.length || rects[rects.length - 1].bottom < 0 || rects[0].top > height) {
    return hide(); // gone, or scrolled far away
  }
  const first = rects[0];
  const last = rects[rects.length - 1];
  const { offsetWidth: w, offsetHeight: h } = box;
  const gap = 6;
  const margin = 8;
  let top = last.bottom + gap;
  if (top + h > height - margin && first.top - gap - h >= margin) top = first.top - gap - h;
  const left = Math.min(first.left, document.documentElement.clientWidth - w - margin);
  box.style.left = `${Math.max(margin, left)}px`;
  box.style.top = `${Math.max(margin, Math.min(top, height - h - margin))}px`;
}

/* The popover's content: the preview, or a short message while loading or on failure. */
function fill(state, content) {
  if (typeof content === "string") {
    const text = content;
    content = document.createElement("p");
    content.className = "md-typeset garden-preview-message";
    content.textContent = text;
  }
  box.dataset.state = state;
  box.replaceChildren(content);
  if (link) place();
}

function show(target) {
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  if (noHover.matches || !target.isConnected || (target === link && !box.hidden)) return;
  link?.removeAttribute("aria-describedby");
  if (!box) {
    box = document.createElement("div");
    box.className = "garden-preview";
    box.id = "garden-preview";
    box.setAttribute("role", "tooltip");
    document.body.append(box);
  }
  const url = new URL(target.href, location.href);
  const mine = ++ticket;
  link = target;
  link.setAttribute("aria-describedby", box.id);
  box.dataset.previewUrl = url.href;
  box.hidden = false;
  fill("loading", "加载中…");
  if (IMAGE.test(url.pathname)) {
    showImage(url, mine);
    return;
  }
  load(url.href.split("#")[0])
    .then((doc) => {
      if (mine !== ticket) return;
      const content = extract(doc, url);
      if (content) fill("ready", content);
      else hide(); // a page of the site that is not a note, such as pages/*.html
    })
    .catch(() => mine === ticket && fill("error", "无法加载预览"));
}

/* A link to an image of the site: the image itself, once it has loaded. */
function showImage(url, mine) {
  const image = new Image();
  image.className = "garden-preview-image";
  image.alt = link?.textContent.trim() ?? "";
  image.addEventListener("load", () => mine === ticket && fill("ready", image));
  image.addEventListener("error", () => mine === ticket && fill("error", "无法加载预览"));
  image.src = url.href;
}

function hide() {
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  ticket += 1;
  link?.removeAttribute("aria-describedby");
  link = null;
  if (box) box.hidden = true;
}

const inside = (node, container) => !!(node && container?.contains(node));
const mouse = (event) => event.pointerType === "mouse" || event.pointerType === "pen";

/* Touch screens (no hover) get no previews. */
if (!noHover.matches) watchLinks();

function watchLinks() {
  document.addEventListener("pointerover", (event) => {
    if (!mouse(event)) return;
    if (link && inside(event.target, box)) return clearTimeout(hideTimer);
    const target = previewable(event.target);
    if (!target) return;
    if (target === link) return clearTimeout(hideTimer);
    clearTimeout(showTimer);
    showTimer = setTimeout(show, SHOW_DELAY, target);
  });

  document.addEventListener("pointerout", (event) => {
    if (!mouse(event)) return;
    const from = inside(event.target, box) ? box : previewable(event.target);
    if (!from || inside(event.relatedTarget, from)) return;
    clearTimeout(showTimer);
    if (link && (from === box || from === link)) {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, HIDE_DELAY);
    }
  });

  document.addEventListener("focusin", (event) => {
    const target = previewable(event.target);
    if (target?.matches(":focus-visible")) show(target);
  });

  document.addEventListener("focusout", (event) => {
    if (event.target !== link || inside(event.relatedTarget, box)) return;
    if (!link.matches(":hover") && !box.matches(":hover")) hide();
  });

  document.addEventListener("keydown", (event) => event.key === "Escape" && hide());
  document.addEventListener("click", (event) => inside(event.target, link) && hide());
  document.addEventListener("scroll", (event) => link && !inside(event.target, box) && place(), {
    capture: true,
    passive: true,
  });
  addEventListener("resize", () => link && place());
  window.document$?.subscribe(hide); // Material's instant navigation swapped the page
}
