/* For screen readers: the canvas's name and keys, a plain list of the nodes shown, and what
 * to say when the keyboard picks a node. */

const LIST_MAX = 300; // links in the list

export function canvasLabel(name) {
  return `${name}。方向键平移，加号、减号缩放，0 复位，N 与 P 逐个选中节点，回车打开。`;
}

/** A list of the nodes, most important first (out of the Tab order: the canvas already takes
 * the keyboard, and hundreds of hidden stops would trap sighted users). */
export function nodeList(document, nodes, order) {
  const list = document.createElement("ul");
  list.className = "garden-graph__sr";
  list.setAttribute("aria-label", "图谱中的笔记");
  for (const i of order.slice(0, LIST_MAX)) {
    const node = nodes[i];
    const item = list.appendChild(document.createElement("li"));
    if (!node.href) {
      item.textContent = `${node.title}（尚未写）`;
      continue;
    }
    const link = item.appendChild(document.createElement("a"));
    link.href = node.href;
    link.tabIndex = -1;
    link.textContent = (node.kind === "tag" ? "标签：" : "") + node.title;
  }
  if (order.length > LIST_MAX) {
    list.appendChild(document.createElement("li")).textContent = `……共 ${order.length} 个节点`;
  }
  return list;
}

const KIND_NAMES = { tag: "标签", ghost: "尚未写的笔记", note: "笔记" };

/** What is said when the keyboard picks a node. */
export function describeNode(node, linkCount) {
  return `${node.title}，${KIND_NAMES[node.kind] ?? "笔记"}，${linkCount} 个连接`;
}
