// Progressive enhancement only: every page works without this file.
// A form with data-confirm asks before it is sent (deleting, for example).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) event.preventDefault();
});
