// Progressive enhancement only: every page works without this file.
// Moves focus to the error summary so keyboard and screen-reader users hear the problems first.
document.addEventListener('DOMContentLoaded', () => {
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
});

// The member page, before a side is chosen, groups the education options by side: once the
// side is chosen, only that side's group (and the options for both) stays shown.
document.addEventListener('DOMContentLoaded', () => {
  var groups = { school: document.getElementById('education-fieldset'), social_services: document.getElementById('education-social-fieldset') };
  if (!groups.social_services) return;
  function show() {
    var chosen = document.querySelector('input[name="side"]:checked');
    Object.keys(groups).forEach((side) => {
      var other = chosen !== null && chosen.value !== side;
      groups[side].parentNode.hidden = other;
      if (other)
        groups[side].querySelectorAll('input').forEach((input) => {
          input.checked = false;
        });
    });
  }
  document.querySelectorAll('input[name="side"]').forEach((input) => {
    input.addEventListener('change', show);
  });
  show();
});

// The draft link: a button that copies it, only where the browser can copy. Without JavaScript
// the link is plain text to select.
document.addEventListener('DOMContentLoaded', () => {
  var link = document.querySelector('[data-copy-label]');
  if (!link || !navigator.clipboard) return;
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--secondary draft-link__copy';
  button.textContent = link.getAttribute('data-copy-label');
  var status = document.createElement('span');
  status.setAttribute('role', 'status');
  status.className = 'draft-link__status';
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(link.textContent.trim()).then(() => {
      status.textContent = link.getAttribute('data-copied');
    });
  });
  link.parentNode.insertAdjacentElement('afterend', status);
  link.parentNode.insertAdjacentElement('afterend', button);
});
