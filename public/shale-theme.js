// Applies the theme the reader chose with the navigation's control (src/scripts/theme-choice.ts,
// same storage key) before the page is first painted: a blocking script in the head, from a file so
// that a strict Content-Security-Policy (script-src 'self') allows it. Without a choice, the
// stylesheet follows the system's light or dark preference on its own.
try {
  var theme = localStorage.getItem('shale-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (error) {
  // Storage refused (a privacy mode): the system's preference applies.
}
