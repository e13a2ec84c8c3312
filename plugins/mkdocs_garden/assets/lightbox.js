/* Garden: click (or Enter on) an image of a note, figures included, to see it enlarged, with
 * GLightbox (served by the site). Nothing is rewritten at build time: the images are wired up
 * here, on each page Material's instant navigation shows. */
const IMAGES = "article.md-content__inner img";
const NOT_HERE = "a, .garden-graph, .garden-preview, .md-header, .twemoji";
let lightbox = null;

function open(images, index) {
  lightbox?.destroy();
  lightbox = window.GLightbox({
    elements: images.map((img) => ({
      href: img.currentSrc || img.src,
      type: "image",
      alt: img.alt,
    })),
    startAt: index,
    loop: false,
    zoomable: true,
    openEffect: "zoom",
    closeEffect: "zoom",
  });
  lightbox.open();
}

function wire() {
  if (typeof window.GLightbox !== "function") return;
  const images = [...document.querySelectorAll(IMAGES)].filter((img) => !img.closest(NOT_HERE));
  images.forEach((img, index) => {
    if (img.dataset.gardenLightbox) return;
    img.dataset.gardenLightbox = "1";
    img.classList.add("garden-zoomable");
    img.tabIndex = 0;
    img.setAttribute("role", "button");
    img.setAttribute("aria-label", `放大图片${img.alt ? `：${img.alt}` : ""}`);
    img.addEventListener("click", () => open(images, index));
    img.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        open(images, index);
      }
    });
  });
}

if (window.document$) window.document$.subscribe(wire);
else document.addEventListener("DOMContentLoaded", wire);
