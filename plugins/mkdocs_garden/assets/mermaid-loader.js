/* Garden: stands in for `mermaid` so that Material for MkDocs never fetches it from a CDN.
 * Material calls mermaid.initialize(config) and then mermaid.render(id, text) for each diagram;
 * the site's own copy of mermaid is loaded on the first render, from beside this file. (A
 * module runs before the page's DOMContentLoaded, when Material first looks for diagrams.) */

const source = new URL("mermaid.min.js", import.meta.url).href;
let config = {};
let loading = null;

function load() {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = source;
    script.onload = () => {
      window.mermaid.initialize(config);
      resolve(window.mermaid);
    };
    script.onerror = () => {
      reject(new Error(`Garden: ${source} is missing; run \`npm ci\` and rebuild`));
    };
    document.head.appendChild(script);
  });
  return loading;
}

window.mermaid = {
  initialize(options) {
    config = options || {};
  },
  render(id, text) {
    return load().then((mermaid) => mermaid.render(id, text));
  },
};
