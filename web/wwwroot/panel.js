// The panel's only script besides Blazor's: small behaviours that plain HTML forms lack. No framework, no CDN.
// - <input type="checkbox" data-select-all="group"> checks or clears every checkbox with data-select="group".
// - <form data-confirm="Remover a loja?"> asks before it is sent; so does <button data-confirm="…"> before it sends its form.
document.addEventListener('change', (event) => {
  const all = event.target.closest('[data-select-all]');
  if (!all) return;
  document.querySelectorAll(`input[type=checkbox][data-select="${all.dataset.selectAll}"]`).forEach((box) => { box.checked = all.checked; });
});
document.addEventListener('submit', (event) => {
  const message = event.submitter?.dataset.confirm ?? event.target.closest('form[data-confirm]')?.dataset.confirm;
  if (message && !window.confirm(message)) { event.preventDefault(); event.stopImmediatePropagation(); }
}, true);
