// Live pages, as progressive enhancement: without this file the page shows the same after a reload.
// An element with data-live="<topic>" and an id is redrawn when the stream /live/<topic> says the
// topic changed: the page is fetched again and each such element replaced by its new copy. The
// element may carry data-live-marker (the marker it was drawn from), so no change is missed.
(() => {
  const parts = [...document.querySelectorAll("[data-live][id]")];
  if (parts.length === 0 || !("EventSource" in window)) return;
  document.documentElement.classList.add("live");
  for (const topic of new Set(parts.map((part) => part.dataset.live))) {
    let known = parts.find((part) => part.dataset.live === topic && part.dataset.liveMarker)?.dataset.liveMarker;
    let busy = false;
    let again = false;
    const redraw = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        const response = await fetch(window.location.href, { credentials: "same-origin", headers: { accept: "text/html" } });
        if (!response.ok) return;
        const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
        const focused = document.activeElement?.id;
        for (const old of document.querySelectorAll(`[data-live="${topic}"][id]`)) {
          const next = fresh.getElementById(old.id);
          if (next) old.replaceWith(document.importNode(next, true));
        }
        if (focused) document.getElementById(focused)?.focus();
        document.dispatchEvent(new CustomEvent("live:redrawn", { detail: { topic } }));
      } catch {
        // A failed fetch leaves the page as it was; the next change tries again.
      } finally {
        busy = false;
        if (again) {
          again = false;
          void redraw();
        }
      }
    };
    const stream = new EventSource(`/live/${encodeURIComponent(topic)}`);
    stream.addEventListener("change", (event) => {
      if (event.data === known) return;
      const first = known === undefined;
      known = event.data;
      if (!first) void redraw();
    });
  }
})();
