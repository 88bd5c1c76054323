// Progressive enhancement only: every page works without this file.
// A form with data-confirm asks before it is sent (deleting, for example).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) event.preventDefault();
});

// A form with data-refresh="<id>" redraws that element as its fields change (the segment form's
// count): its own GET (data-refresh-url) with the fields, a moment after the last change. Only the
// latest answer is shown. Without this file the form's "count" button does the same.
for (const form of document.querySelectorAll("form[data-refresh]")) {
  let timer;
  let asked = 0;
  const refresh = async () => {
    const ask = ++asked;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (name !== "_csrf" && typeof value === "string") params.append(name, value);
    try {
      const response = await fetch(`${form.dataset.refreshUrl}?${params}`, { credentials: "same-origin", headers: { accept: "text/html" } });
      if (!response.ok || ask !== asked) return;
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById(form.dataset.refresh);
      const old = document.getElementById(form.dataset.refresh);
      if (fresh && old && ask === asked) old.replaceWith(document.importNode(fresh, true));
    } catch {
      // The count stays as it was; the next change asks again.
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  };
  form.addEventListener("input", later);
  form.addEventListener("change", later);
}
