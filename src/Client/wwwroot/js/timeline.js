// Scrolls a virtualized list so that row `index` is visible; Virtualize then renders the rows around it.
export function reveal(container, index, rowHeight) {
  if (!container) return;
  const top = index * rowHeight;
  if (top < container.scrollTop || top + rowHeight > container.scrollTop + container.clientHeight) {
    container.scrollTop = Math.max(0, top - container.clientHeight / 2 + rowHeight / 2);
  }
}
