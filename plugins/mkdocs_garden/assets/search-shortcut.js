/* Garden: Ctrl+K (⌘K on a Mac) opens the search and puts the cursor in it, as in Quartz and
 * most sites; Material's own keys (/, s, f) keep working. */
document.addEventListener("keydown", (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
  if (event.key.toLowerCase() !== "k") return;
  const toggle = document.querySelector("input[data-md-toggle='search']");
  const field = document.querySelector("[data-md-component='search-query']");
  if (!toggle || !field) return;
  event.preventDefault();
  if (!toggle.checked) {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
  }
  field.focus();
  field.select();
});
