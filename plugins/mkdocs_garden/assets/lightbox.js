/* Garden: click (or Enter on) an image of a note, figures included, to see it enlarged, with
 * GLightbox (served by the site). Nothing is rewritten at build time: the images are wired up
 * here, on each page Material's instant navigation shows. A figure drawn in variants is in the
 * page twice (a picture per colour scheme, one of them hidden): the lightbox shows the images
 * the reader sees, each as the file the browser chose (scheme, phone or wide screen). */
const IMAGES = "article.md-content__inner img";
const NOT_HERE = "a, .garden-graph, .garden-preview, .md-header, .twemoji";
let lightbox = null;

/* The file the browser shows, or (an image not loaded yet: lazy) the one it will choose. */
function chosen(img) {
  if (img.currentSrc) return img.currentSrc;
  const sources =
    img.parentElement?.tagName === "PICTURE" ? img.parentElement.querySelectorAll("source") : [];
  const source = [...sources].find((s) => !s.media || window.matchMedia(s.media).matches);
  return source ? new URL(source.srcset.trim().split(/\s+/)[0], document.baseURI).href : img.src;
}

/* An image taller than the screen even at the screen's width (a figure's panels stacked
 * for a phone) would be shrunk to the screen's height: it is shown as wide as the screen
 * instead, on a sheet the reader scrolls, and pinches to zoom (GLightbox leaves the touches
 * on an inline slide's content to the browser). */
function slide(img) {
  const href = chosen(img);
  const tall =
    img.naturalWidth > 0 && img.naturalHeight / img.naturalWidth > innerHeight / innerWidth;
  if (!tall) return { href, type: "image", alt: img.alt };
  const sheet = document.createElement("div");
  sheet.className = "garden-lightbox-sheet";
  const copy = document.createElement("img");
  copy.src = href;
  copy.alt = img.alt;
  sheet.append(copy);
  return { content: sheet, width: "100vw", height: "auto" };
}

function open(images, index) {
  lightbox?.destroy();
  lightbox = window.GLightbox({
    elements: images.map(slide),
    startAt: index,
    loop: false,
    zoomable: true,
    openEffect: "zoom",
    closeEffect: "zoom",
  });
  lightbox.open();
}

function shown() {
  return [...document.querySelectorAll(IMAGES)].filter(
    (img) => !img.closest(NOT_HERE) && img.getClientRects().length > 0,
  );
}

function openAt(img) {
  const images = shown();
  open(images, Math.max(0, images.indexOf(img)));
}

function wire() {
  if (typeof window.GLightbox !== "function") return;
  const images = [...document.querySelectorAll(IMAGES)].filter((img) => !img.closest(NOT_HERE));
  images.forEach((img) => {
    if (img.dataset.gardenLightbox) return;
    img.dataset.gardenLightbox = "1";
    img.classList.add("garden-zoomable");
    img.tabIndex = 0;
    img.setAttribute("role", "button");
    img.setAttribute("aria-label", `放大图片${img.alt ? `：${img.alt}` : ""}`);
    img.addEventListener("click", () => openAt(img));
    img.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        openAt(img);
      }
    });
  });
}

if (window.document$) window.document$.subscribe(wire);
else document.addEventListener("DOMContentLoaded", wire);
