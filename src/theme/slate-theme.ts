import fs from 'node:fs';
import path from 'node:path';
import { contrast, luminanceOf, mix, withContrast } from '../highlight/color';
import { darkDefault, designTokens, lightDarkParts } from '../schema/design-tokens';
import { problem, type Problem } from '../validation/problem';
import { readSlateVariables, slateVariablesFile } from './slate-variables';
import { STOCK_STYLESHEETS, stockHash } from './slate-stock';

/** What a Slate source's variables make of Shale's design. */
export interface SlateTheme {
  /** Token values for the whole site, by token name: what the writer changed from Slate's defaults. */
  tokens: Record<string, string>;
  /** The widths at which the layout changes (`$tablet-width`, `$phone-width`), when changed. */
  breakpoints?: { tablet: string; phone: string };
  problems: Problem[];
}

/** Slate's default theme (`_variables.scss` of Slate 2.x), by variable: what a source did not change. */
const SLATE_DEFAULTS: Record<string, string> = {
  'nav-bg': '#2e3336',
  'examples-bg': '#2e3336',
  'code-bg': '#1e2224',
  'code-annotation-bg': '#191d1f',
  'nav-subitem-bg': '#1e2224',
  'nav-active-bg': '#0f75d4',
  'nav-active-parent-bg': '#1e2224',
  'lang-select-border': '#000',
  'lang-select-bg': '#1e2224',
  'lang-select-active-bg': '#2e3336',
  'lang-select-pressed-bg': '#111',
  'main-bg': '#f3f7f9',
  'aside-notice-bg': '#8fbcd4',
  'aside-warning-bg': '#c97a7e',
  'aside-success-bg': '#6ac174',
  'search-notice-bg': '#c97a7e',
  'main-text': '#333',
  'nav-text': '#fff',
  'nav-active-text': '#fff',
  'nav-active-parent-text': '#fff',
  'lang-select-text': '#fff',
  'lang-select-active-text': '#fff',
  'lang-select-pressed-text': '#fff',
  'nav-width': '230px',
  'examples-width': '50%',
  'logo-margin': '0px',
  'main-padding': '28px',
  'nav-padding': '15px',
  'nav-v-padding': '10px',
  'nav-indent': '10px',
  'code-annotation-padding': '13px',
  'h1-margin-bottom': '21px',
  'tablet-width': '930px',
  'phone-width': '700px',
  'nav-footer-border-color': '#666',
  'search-box-border-color': '#666',
};

/** Each of Slate's variables and the design token it becomes (null: Shale's design has no place for it). */
const TOKEN_OF: Record<string, string | null> = {
  'nav-bg': 'nav-bg',
  'examples-bg': 'examples-bg',
  'code-bg': 'code-bg',
  'code-annotation-bg': 'annotation-bg',
  'nav-subitem-bg': 'nav-subitem-bg',
  'nav-active-bg': 'nav-active-bg',
  'nav-active-parent-bg': 'nav-active-parent-bg',
  // Slate draws no border around its language bar with it either since 2.0; Shale's bar has none.
  'lang-select-border': null,
  'lang-select-bg': 'tab-bar-bg',
  'lang-select-active-bg': 'tab-active-bg',
  'lang-select-pressed-bg': 'tab-hover-bg',
  'main-bg': 'main-bg',
  'aside-notice-bg': 'aside-notice-bg',
  'aside-warning-bg': 'aside-warning-bg',
  'aside-success-bg': 'aside-success-bg',
  // Shale says "no results" in the search status text, not in a coloured box.
  'search-notice-bg': null,
  'main-text': 'text',
  'nav-text': 'nav-text',
  'nav-active-text': 'nav-active-text',
  'nav-active-parent-text': 'nav-active-parent-text',
  'lang-select-text': 'tab-text',
  'lang-select-active-text': 'tab-active-text',
  'lang-select-pressed-text': 'tab-hover-text',
  'nav-width': 'nav-width',
  'examples-width': 'examples-width',
  'logo-margin': 'logo-margin',
  'main-padding': 'padding',
  'nav-padding': 'nav-padding',
  'nav-v-padding': 'nav-v-padding',
  'nav-indent': 'nav-indent',
  'code-annotation-padding': 'annotation-padding',
  'h1-margin-bottom': 'h1-margin-bottom',
  'nav-footer-border-color': 'nav-footer-border',
  'search-box-border-color': 'search-border',
};

/** Slate's font placeholders: which declaration becomes which token, and Slate's default. */
const FONT_TOKENS: Array<{ placeholder: string; property: string; token: string; slate: string }> = [
  {
    placeholder: 'default-font',
    property: 'font-family',
    token: 'font',
    slate: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol"',
  },
  { placeholder: 'default-font', property: 'font-size', token: 'font-size', slate: '14px' },
  {
    placeholder: 'code-font',
    property: 'font-family',
    token: 'mono',
    slate: 'Consolas, Menlo, Monaco, "Lucida Console", "Liberation Mono", "DejaVu Sans Mono", "Bitstream Vera Sans Mono", "Courier New", monospace, serif',
  },
  { placeholder: 'code-font', property: 'font-size', token: 'code-font-size', slate: '12px' },
  { placeholder: 'code-font', property: 'line-height', token: 'code-line-height', slate: '1.5' },
];

/** Tokens of the middle column: a brand gives their light value; the dark theme keeps Shale's, or a dark shade of the brand's. */
const THEMED = new Set(['main-bg', 'text', 'aside-notice-bg', 'aside-warning-bg', 'aside-success-bg']);

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/** A value as compared with Slate's default: lower case, spaces made one, `#abc` written `#aabbcc`. */
const normal = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/, '#$1$1$2$2$3$3');

/**
 * The Slate source's theme as design tokens: each variable the writer changed from Slate's default
 * becomes its token; Slate's variables that Shale has no place for, and stylesheets edited beyond
 * Slate's own, are reported once. A light navigation gets a focus ring and native controls that
 * show on it; the middle column's colours keep Shale's dark theme, an aside a dark shade of its hue.
 */
export function slateTheme(contentDir: string): SlateTheme {
  const file = slateVariablesFile(contentDir);
  const problems: Problem[] = [...ignoredStylesheets(contentDir)];
  if (!file) return { tokens: {}, problems };
  let read;
  try {
    read = readSlateVariables(file);
  } catch (error) {
    const sassError = error as { sassMessage?: string; message: string; span?: { text?: string; start?: { line?: number }; url?: URL } };
    const inFile = sassError.span?.url?.pathname === file;
    const line = inFile && sassError.span?.start?.line !== undefined ? sassError.span.start.line + 1 : undefined;
    const reason = `${(sassError.sassMessage ?? sassError.message).replace(/\.$/, '')}${sassError.span?.text ? ` (${sassError.span.text})` : ''}`;
    problems.push(problem('slate-variables-invalid', { file, ...(line ? { line } : {}) }, { reason }));
    return { tokens: {}, problems };
  }
  const tokens: Record<string, string> = {};
  const unmapped: string[] = [];
  for (const [name, value] of read.values) {
    if (!(name in SLATE_DEFAULTS) || normal(value) === normal(SLATE_DEFAULTS[name]!)) continue;
    const token = TOKEN_OF[name];
    if (token) tokens[token] = value;
    else if (token === null) unmapped.push(name);
  }
  for (const font of FONT_TOKENS) {
    const value = read.fonts.get(font.placeholder)?.get(font.property);
    if (value && normal(value) !== normal(font.slate)) tokens[font.token] = value;
  }
  const text = fs.readFileSync(file, 'utf8');
  if (unmapped.length) problems.push(problem('slate-variables-unmapped', { file, ...lineOf(text, unmapped[0]!) }, { names: unmapped }));
  if (read.rules.length) problems.push(problem('slate-variables-rules', { file }, { selectors: read.rules }));

  const changed = (name: string) => read.values.has(name) && normal(read.values.get(name)!) !== normal(SLATE_DEFAULTS[name]!);
  const breakpoints =
    changed('tablet-width') || changed('phone-width')
      ? { tablet: read.values.get('tablet-width') ?? '930px', phone: read.values.get('phone-width') ?? '700px' }
      : undefined;

  readableAsides(tokens);
  themedForDark(tokens);
  lightNavigation(tokens);
  problems.push(...lowContrasts(tokens, file, (foreground, background) => lineOfToken(text, foreground) ?? lineOfToken(text, background)));
  return { tokens, ...(breakpoints ? { breakpoints } : {}), problems };
}

/** Where `$name:` is set in the variables file: the line a report points at. */
function lineOf(text: string, name: string): { line?: number } {
  const index = text.search(new RegExp(`^\\s*\\$${name}\\s*:`, 'm'));
  return index < 0 ? {} : { line: text.slice(0, index).split('\n').length };
}

/** The line of the Slate variable that sets a token, if one does. */
function lineOfToken(text: string, token: string): number | undefined {
  const variable = Object.entries(TOKEN_OF).find(([, mapped]) => mapped === token)?.[0];
  return variable ? lineOf(text, variable).line : undefined;
}

/**
 * An aside colour of the brand on which Shale's dark aside text cannot be read (a saturated blue):
 * that kind of aside gets white text instead, when white reads better. Its dark theme keeps Shale's.
 */
function readableAsides(tokens: Record<string, string>): void {
  for (const kind of ['notice', 'warning', 'success']) {
    const background = tokens[`aside-${kind}-bg`];
    if (!background || !HEX.test(background)) continue;
    const text = '#1a1a1a';
    if (contrast(text, background) >= 4.5 || contrast('#ffffff', background) <= contrast(text, background)) continue;
    tokens[`aside-${kind}-text`] = `light-dark(#ffffff, ${darkDefault('aside-text') ?? '#eef2f5'})`;
  }
}

/** The middle column's colours as `light-dark()`: the brand's by day; by night Shale's, an aside a dark shade of the brand's hue. */
function themedForDark(tokens: Record<string, string>): void {
  for (const token of THEMED) {
    const light = tokens[token];
    if (!light) continue;
    const dark = darkDefault(token);
    if (!dark) continue;
    const shade = token.startsWith('aside-') && HEX.test(light) ? withContrast(mix(light, '#1b1f22', 0.7), '#eef2f5', 4.5) : dark;
    tokens[token] = `light-dark(${light}, ${token.startsWith('aside-') ? readableDarkAside(shade) : dark})`;
  }
}

/** A dark shade that keeps the aside's light text (#eef2f5) readable: darkened further until it does. */
function readableDarkAside(shade: string): string {
  let colour = shade;
  for (let step = 0; step < 10 && contrast(colour, '#eef2f5') < 4.5; step++) colour = mix(colour, '#000000', 0.2);
  return colour;
}

/** A light navigation column (Slate sites with a white sidebar): a dark focus ring, light native controls, readable muted text. */
function lightNavigation(tokens: Record<string, string>): void {
  const navBg = tokens['nav-bg'];
  if (!navBg || !HEX.test(navBg) || luminanceOf(navBg) < 0.4) return;
  tokens['nav-focus'] ??= '#0b5cad';
  tokens['nav-color-scheme'] ??= 'light';
  const text = tokens['nav-text'] && HEX.test(tokens['nav-text']) ? tokens['nav-text'] : '#333333';
  tokens['nav-muted-text'] ??= withContrast(mix(text, navBg, 0.35), navBg);
  tokens['search-excerpt-text'] ??= withContrast(
    mix(text, navBg, 0.2),
    tokens['nav-subitem-bg'] && HEX.test(tokens['nav-subitem-bg']) ? tokens['nav-subitem-bg'] : navBg,
  );
  tokens['nav-hover-bg'] ??= mix(navBg, '#000000', 0.08);
}

/** Text on background pairs of the design, with the tokens' defaults for the side the brand left alone. */
const PAIRS: Array<[string, string]> = [
  ['text', 'main-bg'],
  ['nav-text', 'nav-bg'],
  ['nav-text', 'nav-subitem-bg'],
  ['nav-active-text', 'nav-active-bg'],
  ['nav-active-parent-text', 'nav-active-parent-bg'],
  ['tab-text', 'tab-bar-bg'],
  ['tab-active-text', 'tab-active-bg'],
  ['aside-notice-text', 'aside-notice-bg'],
  ['aside-warning-text', 'aside-warning-bg'],
  ['aside-success-text', 'aside-success-bg'],
  ['annotation-text', 'annotation-bg'],
  ['code-text', 'code-bg'],
];

/** The light value of a token as the brand leaves it (its own, or Shale's default). */
function lightValue(tokens: Record<string, string>, token: string): string | undefined {
  const value = tokens[token] ?? designTokens().get(token)?.value;
  if (!value) return undefined;
  const alias = /^var\(--([\w-]+)\)$/.exec(value)?.[1];
  if (alias) return lightValue(tokens, alias);
  const light = lightDarkParts(value)?.light ?? value;
  return HEX.test(light) ? light : undefined;
}

/** Pairs the brand touched whose contrast is below WCAG AA for text (4.5:1), in the light theme it defines. */
export function lowContrasts(
  tokens: Record<string, string>,
  file: string,
  lineFor?: (foreground: string, background: string) => number | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const [foreground, background] of PAIRS) {
    if (!(foreground in tokens) && !(background in tokens)) continue;
    const [fg, bg] = [lightValue(tokens, foreground), lightValue(tokens, background)];
    if (!fg || !bg) continue;
    const ratio = contrast(fg, bg);
    if (ratio >= 4.5) continue;
    const line = lineFor?.(foreground, background);
    const facts = { foreground: `${foreground} (${fg})`, background: `${background} (${bg})`, ratio: ratio.toFixed(2) };
    problems.push(problem('brand-contrast-low', { file, ...(line ? { line } : {}) }, facts));
  }
  return problems;
}

/**
 * Slate's other stylesheets of a source that are not one of Slate's own releases: rules Shale does
 * not compile. Compared by content (line endings and surrounding space aside) with every version
 * Slate shipped (slate-stock.ts). Paths relative to the folder, `stylesheets/screen.css.scss`.
 */
export function editedStylesheets(contentDir: string): string[] {
  const dir = path.join(contentDir, 'stylesheets');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .filter((name) => name !== '_variables.scss' && /\.s?css$/.test(name) && !STOCK_STYLESHEETS.has(stockHash(fs.readFileSync(path.join(dir, name), 'utf8'))))
    .map((name) => `stylesheets/${name}`);
}

function ignoredStylesheets(contentDir: string): Problem[] {
  const edited = editedStylesheets(contentDir);
  if (edited.length === 0) return [];
  // At the file when there is one, else at the folder.
  const where = path.join(contentDir, edited.length === 1 ? edited[0]! : 'stylesheets');
  return [problem('slate-stylesheet-ignored', { file: where }, { files: edited })];
}
