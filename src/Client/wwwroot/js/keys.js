// Forwards navigation keys to .NET unless the user is typing into a form field.
const handled = new Set(["ArrowLeft", "ArrowRight", " ", "Home", "End", "p", "P", "/", "n", "N"]);

export function listen(target) {
  const onKey = (e) => {
    const el = e.target;
    const typing = el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
    if (typing || e.ctrlKey || e.metaKey || e.altKey || !handled.has(e.key)) return;
    e.preventDefault();
    target.invokeMethodAsync("OnKey", e.key);
  };
  document.addEventListener("keydown", onKey);
  return { dispose: () => document.removeEventListener("keydown", onKey) };
}

export function scrollIntoView(selector) {
  document.querySelector(selector)?.scrollIntoView({ block: "nearest" });
}

export function focus(selector) {
  const el = document.querySelector(selector);
  el?.focus();
  el?.select?.();
}
