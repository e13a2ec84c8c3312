/* Garden: stands in for `mermaid` so that Material for MkDocs never fetches it from a CDN.
 * Material calls mermaid.initialize(config) and then mermaid.render(id, text) for each diagram;
 * the site's own copy of mermaid is loaded on the first render, from beside this file. */
(function () {
  "use strict";
  var source = document.currentScript.src.replace(/[^/]*$/, "mermaid.min.js");
  var config = {};
  var loading = null;

  function load() {
    if (loading === null) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = source;
        script.onload = function () {
          window.mermaid.initialize(config);
          resolve(window.mermaid);
        };
        script.onerror = function () {
          reject(new Error("Garden: " + source + " is missing; run `npm ci` and rebuild"));
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  window.mermaid = {
    initialize: function (options) {
      config = options || {};
    },
    render: function (id, text) {
      return load().then(function (mermaid) {
        return mermaid.render(id, text);
      });
    }
  };
})();
