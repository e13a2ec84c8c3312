/* graph.json, fetched once a visit: the pages Material's instant navigation shows share it. */

import { prepare } from "./data.js";

const cache = new Map(); // absolute URL -> Promise of the prepared graph

export function loadGraph(url) {
  if (!cache.has(url)) {
    const loading = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${url}`);
        return response.json();
      })
      .then((data) => prepare(data, url));
    loading.catch(() => cache.delete(url)); // a failed fetch is tried again on the next page
    cache.set(url, loading);
  }
  return cache.get(url);
}
