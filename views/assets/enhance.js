// Progressive enhancement only: every page works without this file.
// Moves focus to the error summary so keyboard and screen-reader users hear the problems first.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
});
