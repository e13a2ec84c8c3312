/* Garden: hover previews of internal links. Resting the mouse on a link to another note (or
 * focusing it with the keyboard) shows that note's opening, or the section a `#标题` or `#^id`
 * points at. Ids are looked up decoded, so Chinese headings work (Material's own preview, which
 * selects by the percent-encoded hash, shows nothing for them). Off on touch screens. */
(function () {
  "use strict";
  var SHOW_DELAY = 300; // ms the pointer rests on a link before the preview shows
  var HIDE_DELAY = 250; // ms of grace to move the pointer from the link into the preview
  var START_BLOCKS = 3; // a preview without a hash: the title and this many blocks of text…
  var START_CHARS = 400; // …or this many characters, whichever comes first
  var FILE = /\.(?!html?$)[a-z0-9]+$/i; // .pdf, .png, .svg…: files, not pages
  var HEADING = /^H([1-6])$/;
  var BLOCK = "p, li, dt, dd, blockquote, table, pre, details, .admonition, .garden-math, figure";
  var TEXT = "p, ul, ol, dl, blockquote, table, details, .admonition, .garden-math";
  var DROP = "a.headerlink, script, style, noscript, nav.md-tags, .garden-connections, .garden-graph";

  var noHover = window.matchMedia("(hover: none)");
  if (noHover.matches) return;
  var scope = (window.__md_scope || new URL("/", location)).pathname;
  var cache = new Map(); // page URL without hash -> Promise of its parsed Document
  var box = null; // the popover, made on first use
  var link = null; // the link it describes
  var showTimer = 0;
  var hideTimer = 0;
  var ticket = 0; // tells a late answer from the one still wanted

  /* The link an event target belongs to, if it leads to another page of this site. */
  function previewable(target) {
    var a = target instanceof Element ? target.closest("a[href]") : null;
    if (!a || !a.closest("article.md-content__inner") || a.closest(".garden-graph")) return null;
    if (a.matches(".headerlink, [download]")) return null;
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return null;
    if (!url.pathname.startsWith(scope) || FILE.test(url.pathname)) return null;
    if (url.pathname === location.pathname && url.search === location.search) return null;
    return a;
  }

  function load(key) {
    if (!cache.has(key)) {
      var promise = fetch(key, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + key);
        return response.text();
      }).then(function (html) {
        return new DOMParser().parseFromString(html, "text/html");
      });
      promise.catch(function () { cache.delete(key); }); // try again on the next hover
      cache.set(key, promise);
    }
    return cache.get(key);
  }

  function decode(hash) {
    try { return decodeURIComponent(hash); } catch (error) { return hash; }
  }

  /* A heading and what follows it, up to the next heading of the same or a higher level. */
  function section(heading) {
    var level = +HEADING.exec(heading.tagName)[1];
    var nodes = [heading];
    for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      var next = HEADING.exec(node.tagName);
      if ((next && +next[1] <= level) || node.matches(".garden-connections")) break;
      nodes.push(node);
    }
    return nodes;
  }

  /* The enclosing block of an anchor; a list item keeps its list around it. */
  function block(target, article) {
    var found = target.closest(BLOCK);
    if (!found || !article.contains(found)) return target === article ? null : [target];
    if (found.tagName !== "LI") return [found];
    var list = found.parentNode.cloneNode(false);
    list.appendChild(found.cloneNode(true));
    return [list];
  }

  /* The page's title and its first few blocks of text, with the headings between them. */
  function start(article) {
    var title = article.querySelector("h1");
    var nodes = title ? [title] : [];
    var pending = [];
    var blocks = 0;
    var chars = 0;
    var node = title ? title.nextElementSibling : article.firstElementChild;
    for (; node && blocks < START_BLOCKS && chars < START_CHARS; node = node.nextElementSibling) {
      if (HEADING.test(node.tagName)) pending.push(node);
      if (!node.matches(TEXT) || !node.textContent.trim()) continue;
      nodes.push.apply(nodes, pending.concat(node));
      pending = [];
      blocks += 1;
      chars += node.textContent.trim().length;
    }
    return nodes;
  }

  function extract(doc, url) {
    var article = doc.querySelector("article.md-content__inner");
    if (!article) return null;
    var id = url.hash.slice(1);
    var target = id && (doc.getElementById(decode(id)) || doc.getElementById(id));
    var nodes = null;
    if (target && article.contains(target)) {
      nodes = HEADING.test(target.tagName) ? section(target) : block(target, article);
    }
    var content = document.createElement("div");
    content.className = "md-typeset";
    (nodes || start(article)).forEach(function (node) {
      content.appendChild(document.importNode(node, true));
    });
    clean(content, url);
    return content;
  }

  function clean(content, base) {
    content.querySelectorAll(DROP).forEach(function (node) { node.remove(); });
    content.querySelectorAll("iframe").forEach(function (frame) {
      var note = document.createElement("span");
      note.className = "garden-preview-note";
      note.textContent = "（交互页面" + (frame.title ? "：" + frame.title : "") + "）";
      frame.replaceWith(note);
    });
    content.querySelectorAll("[id], [name]").forEach(function (node) {
      node.removeAttribute("id");
      if (node.tagName === "A") node.removeAttribute("name");
    });
    content.querySelectorAll("[href], [src]").forEach(function (node) {
      ["href", "src"].forEach(function (name) {
        var value = node.getAttribute(name);
        if (value === null) return;
        try { node.setAttribute(name, new URL(value, base).href); } catch (error) { /* keep */ }
      });
    });
  }

  function popover() {
    if (!box) {
      box = document.createElement("div");
      box.className = "garden-preview";
      box.id = "garden-preview";
      box.setAttribute("role", "tooltip");
      box.hidden = true;
      document.body.appendChild(box);
    }
    return box;
  }

  /* Below the link, or above it when there is no room below; always inside the viewport. */
  function place() {
    var rects = link.getClientRects();
    if (!rects.length) return hide();
    var first = rects[0];
    var last = rects[rects.length - 1];
    var gap = 6;
    var margin = 8;
    var width = document.documentElement.clientWidth;
    var height = window.innerHeight;
    if (last.bottom < 0 || first.top > height) return hide(); // scrolled far away
    var left = Math.min(first.left, width - box.offsetWidth - margin);
    var top = last.bottom + gap;
    if (top + box.offsetHeight > height - margin && first.top - gap - box.offsetHeight >= margin) {
      top = first.top - gap - box.offsetHeight;
    }
    top = Math.min(top, height - box.offsetHeight - margin);
    box.style.left = Math.max(margin, left) + "px";
    box.style.top = Math.max(margin, top) + "px";
  }

  function fill(state, content) {
    box.dataset.state = state;
    box.replaceChildren(content);
    if (link) place();
  }

  function message(text) {
    var content = document.createElement("p");
    content.className = "md-typeset garden-preview-message";
    content.textContent = text;
    return content;
  }

  function show(target) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (noHover.matches || !target.isConnected) return;
    if (link === target && !box.hidden) return;
    if (link) link.removeAttribute("aria-describedby");
    var url = new URL(target.href, location.href);
    var key = url.href.split("#")[0];
    var mine = ++ticket;
    link = target;
    popover().dataset.previewUrl = url.href;
    link.setAttribute("aria-describedby", box.id);
    box.hidden = false;
    fill("loading", message("加载中…"));
    load(key).then(function (doc) {
      if (mine !== ticket) return;
      var content = extract(doc, url);
      if (content) fill("ready", content);
      else hide(); // a page of the site that is not a note (e.g. pages/*.html)
    }).catch(function () {
      if (mine === ticket) fill("error", message("无法加载预览"));
    });
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    ticket += 1;
    if (link) link.removeAttribute("aria-describedby");
    link = null;
    if (box) box.hidden = true;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  function inside(node, container) {
    return !!(node && container && container.contains(node));
  }

  function mouse(event) {
    return event.pointerType === "mouse" || event.pointerType === "pen";
  }

  document.addEventListener("pointerover", function (event) {
    if (!mouse(event)) return;
    if (inside(event.target, box) && link) return clearTimeout(hideTimer);
    var target = previewable(event.target);
    if (!target) return;
    if (target === link) return clearTimeout(hideTimer);
    clearTimeout(showTimer);
    showTimer = setTimeout(show, SHOW_DELAY, target);
  });

  document.addEventListener("pointerout", function (event) {
    if (!mouse(event)) return;
    var from = inside(event.target, box) ? box : previewable(event.target);
    if (!from || inside(event.relatedTarget, from)) return;
    clearTimeout(showTimer);
    if (link && (from === box || from === link)) hideSoon();
  });

  document.addEventListener("focusin", function (event) {
    var target = previewable(event.target);
    if (target && target.matches(":focus-visible")) show(target);
  });

  document.addEventListener("focusout", function (event) {
    if (event.target !== link || inside(event.relatedTarget, box)) return;
    if (!link.matches(":hover") && !box.matches(":hover")) hide();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });

  document.addEventListener("click", function (event) {
    if (link && inside(event.target, link)) hide(); // on its way to the page
  });

  document.addEventListener("scroll", function (event) {
    if (link && !inside(event.target, box)) place();
  }, { capture: true, passive: true });

  window.addEventListener("resize", function () { if (link) place(); });

  if (window.document$) window.document$.subscribe(hide); // Material's instant navigation
})();
