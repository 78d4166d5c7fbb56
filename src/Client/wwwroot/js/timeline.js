// Scrolls a virtualized list so that row `index` is visible; Virtualize then renders the rows around it.
export function reveal(container, index, rowHeight) {
  if (!container) return;
  const top = index * rowHeight;
  if (top < container.scrollTop || top + rowHeight > container.scrollTop + container.clientHeight) {
    container.scrollTop = Math.max(0, top - container.clientHeight / 2 + rowHeight / 2);
  }
}

// Scrolls a wide grid horizontally so that its selected column sits about two thirds across.
export function revealColumn(container, selector) {
  const cell = container?.querySelector(selector);
  if (!cell) return;
  const left = cell.offsetLeft - container.clientWidth * 2 / 3;
  container.scrollLeft = Math.max(0, left);
}
