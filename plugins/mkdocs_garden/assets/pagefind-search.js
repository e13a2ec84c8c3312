/* Garden: Material's search box and results, answered by Pagefind instead of a whole index
 * downloaded up front. Pagefind loads only the index chunks a query needs; its index is
 * segmented into Chinese words at build time. An inline script in the page's head has already
 * kept Material from mounting its own search (see garden/pagefind). */
const DELAY = 150; // ms after the last keystroke
const SHOWN = 20; // results rendered at once

const root = document.querySelector("[data-garden-search]");
const field = root?.querySelector(".md-search__input");
const toggle = document.querySelector("input[data-md-toggle='search']");
const meta = root?.querySelector(".md-search-result__meta");
const list = root?.querySelector(".md-search-result__list");

const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
const base = new URL(`${config.base || "."}/`, location.href);
let engine = null; // the Pagefind module, imported on first use
let timer = 0;
let ticket = 0;

function load() {
  engine ??= import(new URL("pagefind/pagefind.js", base).href).then(async (pagefind) => {
    await pagefind.options({ excerptLength: 30 });
    return pagefind;
  });
  return engine;
}

function open() {
  if (!toggle.checked) {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
  }
  load();
}

function item(result) {
  const li = document.createElement("li");
  li.className = "md-search-result__item";
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = new URL(result.url.replace(/^\//, ""), base).href;
  link.tabIndex = -1;
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  const title = document.createElement("h1");
  title.textContent = result.meta?.title || result.url;
  const excerpt = document.createElement("p");
  // Pagefind's excerpt is the page's own text, escaped by Pagefind, with <mark> around hits.
  // The index holds jieba's words with spaces between them: the spaces go again here.
  excerpt.innerHTML = result.excerpt.replace(
    /(?<=[\u3000-\u9fff\uff00-\uffef>]) (?=[\u3000-\u9fff\uff00-\uffef<])/g,
    "",
  );
  article.append(title, excerpt);
  link.append(article);
  li.append(link);
  return li;
}

async function search(query) {
  const mine = ++ticket;
  if (!query.trim()) {
    meta.textContent = config.translations?.["search.result.placeholder"] || "";
    list.replaceChildren();
    return;
  }
  const pagefind = await load();
  const found = await pagefind.search(query);
  if (mine !== ticket || !found) return;
  const results = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
  if (mine !== ticket) return;
  const count = found.results.length;
  const words = config.translations || {};
  meta.textContent =
    count === 0
      ? words["search.result.none"] || "No matching documents"
      : count === 1
        ? words["search.result.one"] || "1 matching document"
        : (words["search.result.other"] || "# matching documents").replace("#", String(count));
  list.replaceChildren(...results.map(item));
}

/* Pages without Material's search box (or without its marks) are left alone. */
if (root && field && toggle && meta && list) listen();

function listen() {
  field.addEventListener("focus", open);
  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(field.value), DELAY);
  });
  field.form?.addEventListener("submit", (event) => {
    event.preventDefault();
    list.querySelector("a")?.click();
  });
  field.form?.addEventListener("reset", () => setTimeout(() => search(""), 0));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
      field.blur();
    }
  });
  toggle.addEventListener("change", () => toggle.checked && load());
  list.addEventListener("click", () => {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  });
  search("");
}
