/* Pointer, wheel and keyboard: what each gesture asks of the graph. The graph (`target`)
 * offers stop(), pan(dx, dy), zoomAt(factor, x, y), nodeAt(x, y), hover(node, byKeyboard),
 * open(node), blurred(), command(keyCommand) (false for a command it has no use for now),
 * zoomBy(factor) and reset() (for the buttons), `highlighted` (a node or -1) and `height`. */

const ZOOM_STEP = 1.6;
const PAN_STEP = 60; // px per arrow key
const DRAG_START = 5; // px a pointer moves before a press becomes a drag

/** The command a key stands for, or null: `{pan: [dx, dy]}`, `{zoom: factor}`,
 * `{reset: true}`, `{step: ±1}`, `{open: true}` or `{clear: true}`. */
export function keyCommand(key) {
  const arrows = {
    ArrowLeft: [PAN_STEP, 0],
    ArrowRight: [-PAN_STEP, 0],
    ArrowUp: [0, PAN_STEP],
    ArrowDown: [0, -PAN_STEP],
  };
  if (arrows[key]) return { pan: arrows[key] };
  if (key === "+" || key === "=") return { zoom: ZOOM_STEP };
  if (key === "-" || key === "_") return { zoom: 1 / ZOOM_STEP };
  if (key === "0") return { reset: true };
  if (["n", "N", "]"].includes(key)) return { step: 1 };
  if (["p", "P", "["].includes(key)) return { step: -1 };
  if (key === "Enter") return { open: true };
  if (key === "Escape") return { clear: true };
  return null;
}

/** The zoom factor of one wheel event; a touchpad pinch comes as a wheel with ctrlKey and
 * small steps. */
export function wheelFactor(event, pageHeight) {
  const pixels = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? pageHeight : 1;
  return Math.exp(-event.deltaY * pixels * (event.ctrlKey ? 0.01 : 0.002));
}

export const BUTTONS = [
  { label: "放大", icon: "M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6z", press: (g) => g.zoomBy(ZOOM_STEP) },
  { label: "缩小", icon: "M19 13H5v-2h14z", press: (g) => g.zoomBy(1 / ZOOM_STEP) },
  {
    label: "复位",
    icon: "M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z",
    press: (g) => g.reset(),
  },
];

export function bindInput(canvas, target) {
  const pointers = new Map(); // pointer id -> last position
  let drag = null; // where the first pointer went down, and whether it has moved since
  const at = (event) => {
    const box = canvas.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };

  canvas.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      target.stop();
      target.zoomAt(wheelFactor(event, target.height), ...at(event));
    },
    { passive: false },
  );

  canvas.addEventListener("pointerdown", (event) => {
    if (event.button > 0) return;
    try {
      canvas.setPointerCapture(event.pointerId);
    } catch {
      // a synthetic event has no pointer to capture
    }
    target.stop();
    const [x, y] = at(event);
    pointers.set(event.pointerId, { x, y });
    if (pointers.size === 1) drag = { x, y, moved: false };
    else drag.moved = true; // a second finger: a pinch, never a tap
  });

  canvas.addEventListener("pointermove", (event) => {
    const [x, y] = at(event);
    const last = pointers.get(event.pointerId);
    if (!last) {
      if (event.pointerType !== "touch") target.hover(target.nodeAt(x, y), false);
      return;
    }
    if (pointers.size === 1) {
      if (!drag.moved && Math.hypot(x - drag.x, y - drag.y) < DRAG_START) return;
      drag.moved = true;
      canvas.classList.add("garden-graph__canvas--drag");
      target.pan(x - last.x, y - last.y);
    } else if (pointers.size === 2) {
      // A pinch: zoom by the change of spread, around the middle of the two fingers.
      const other = [...pointers.values()].find((p) => p !== last);
      const before = Math.hypot(last.x - other.x, last.y - other.y);
      const after = Math.hypot(x - other.x, y - other.y);
      target.pan((x - last.x) / 2, (y - last.y) / 2);
      if (before > 0) target.zoomAt(after / before, (x + other.x) / 2, (y + other.y) / 2);
    }
    last.x = x;
    last.y = y;
  });

  const release = (event) => {
    if (!pointers.delete(event.pointerId)) return;
    canvas.classList.remove("garden-graph__canvas--drag");
    if (pointers.size || drag.moved || event.type === "pointercancel") return;
    const node = target.nodeAt(...at(event));
    // Touch has no hover: the first tap shows the node's name, a second tap opens it.
    if (event.pointerType === "touch" && node !== target.highlighted) target.hover(node, false);
    else target.open(node);
  };
  canvas.addEventListener("pointerup", release);
  canvas.addEventListener("pointercancel", release);
  canvas.addEventListener("pointerleave", (event) => {
    if (!pointers.size && event.pointerType !== "touch") target.hover(-1, false);
  });
  canvas.addEventListener("blur", () => target.blurred());

  canvas.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const command = keyCommand(event.key);
    if (!command || !target.command(command)) return;
    event.preventDefault();
    event.stopPropagation(); // Material's own shortcuts (n, p: next, previous page) listen on window
  });
}
