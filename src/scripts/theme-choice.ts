/**
 * The theme control in the navigation: auto (the system's preference), light or dark. The choice is
 * remembered in localStorage under the key public/shale-theme.js reads to apply it before first
 * paint; here the control shows it and changes it, in this tab and in the site's other open tabs.
 */
type Theme = 'auto' | 'light' | 'dark';

const STORAGE_KEY = 'shale-theme';
const root = document.documentElement;
const control = document.querySelector<HTMLSelectElement>('[data-theme-choice]');

function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

function apply(theme: Theme): void {
  if (theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = theme;
  if (control) control.value = theme;
}

function remember(theme: Theme): void {
  try {
    if (theme === 'auto') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage refused: the choice holds for this page only.
  }
}

apply(storedTheme());

control?.addEventListener('change', () => {
  const theme = control.value as Theme;
  remember(theme);
  apply(theme);
});

window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY || event.key === null) apply(storedTheme());
});

// A module: its names stay its own.
export {};
