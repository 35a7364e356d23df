import { withContrast } from './color';

/** shiki's Monokai: the nearest bundled theme to Slate's Monokai Sublime. */
export const THEME = 'monokai';

/** Background of code blocks (Slate's `$code-bg`), unless the site's brand sets its own. */
const CODE_BACKGROUND = '#1e2224';

/** Text colour of code blocks in print, on white paper. */
const PRINT_BACKGROUND = '#ffffff';

/** The class a token of this theme colour gets: the colour itself, so the HTML reads plainly. */
export const colorClass = (color: string): string => `hl-${color.replace('#', '').toLowerCase()}`;

/**
 * Stylesheet for every colour the theme can give a token: lifted where needed to a 4.5:1
 * contrast on the dark code background, and darkened for print on white. Classes instead of
 * shiki's inline styles keep pages smaller and allow a strict Content-Security-Policy.
 */
export function paletteCss(colors: Iterable<string>, background = CODE_BACKGROUND): string {
  const rules: string[] = [];
  const printRules: string[] = [];
  for (const color of [...new Set([...colors].map((c) => c.toLowerCase()))].sort()) {
    const solid = color.slice(0, 7);
    rules.push(`.${colorClass(color)}{color:${withContrast(solid, background)}}`);
    printRules.push(`.${colorClass(color)}{color:${withContrast(solid, PRINT_BACKGROUND)}}`);
  }
  rules.push('.hl-i{font-style:italic}', '.hl-b{font-weight:bold}', '.hl-u{text-decoration:underline}');
  return `${rules.join('\n')}\n@media print{\n${printRules.join('\n')}\n}\n`;
}
