import type { Element, ElementContent, Text } from 'hast';
import { createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { canonicalLanguage } from '../schema/languages';
import { colorDifference } from './color';
import { LineTokenizer } from './line-tokens';
import { THEME, colorClass, paletteCss } from './theme';

let highlighter: Promise<Highlighter> | undefined;

/** The one shiki highlighter of the process, with languages loaded as pages need them. */
export function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [THEME], langs: [] });
  return highlighter;
}

/** Loads every language of a page before its blocks are highlighted (highlighting itself is synchronous). */
export async function loadLanguages(names: Iterable<string>): Promise<void> {
  const shiki = await getHighlighter();
  const loaded = new Set(shiki.getLoadedLanguages());
  const missing = [...new Set([...names].map((n) => canonicalLanguage(n)).filter((n): n is string => !!n && n !== 'text'))].filter((n) => !loaded.has(n));
  if (missing.length) await shiki.loadLanguage(...(missing as BundledLanguage[]));
}

/**
 * What was highlighted, by language and code: API samples repeat the same blocks on every page.
 * The highlighter itself is the process's (its grammars are code, loaded once); what it made is
 * forgotten with the content it was made for (forgetHighlights, when a build loads the content).
 */
const cache = new Map<string, ElementContent[]>();
/**
 * How much code the block memory holds before it starts again: what repeats in API docs is short (the
 * same client set-up, the same error body), and a generated reference with megabytes of distinct
 * JSON examples would otherwise keep a tree of every one (GitHub's REST API: 200 MB per thread).
 */
const MAX_CACHED_CODE_CHARS = 1_000_000;
let cachedChars = 0;
let lineTokenizers = new WeakMap<Highlighter, LineTokenizer>();

/** Forgets every highlighted block and tokenized line: called when a build (or a dev reload) loads the content. */
export function forgetHighlights(): void {
  cache.clear();
  cachedChars = 0;
  lineTokenizers = new WeakMap();
}
const FONT_CLASSES: Array<[number, string]> = [
  [1, 'hl-i'],
  [2, 'hl-b'],
  [4, 'hl-u'],
];

/**
 * A token colour this close to the text colour (CIE76 ΔE) is written as plain text. Each span is
 * an element the browser parses and styles: in shiki's Monokai, JSON's string values are #cfcfc2,
 * a grey ΔE 15 from the text's #f8f8f2 (every other colour of the theme is 38 or more away), and
 * they were half of the 6,600 spans of GitHub's heaviest page (five JSON examples of 751 lines).
 * Without them the page settled in 280 ms instead of 350 (medians of nine loads each).
 */
const PLAIN_DIFFERENCE = 20;

const plainColorSets = new WeakMap<LineTokenizer, Set<string>>();

/** The lower-cased colours written as plain text: the theme's text colour and those that look almost like it. */
function plainColors(tokenizer: LineTokenizer): Set<string> {
  let plain = plainColorSets.get(tokenizer);
  if (plain) return plain;
  const foreground = tokenizer.foreground.toLowerCase();
  plain = new Set([foreground, ...tokenizer.colors.filter((color) => colorDifference(color.slice(0, 7), foreground.slice(0, 7)) < PLAIN_DIFFERENCE)]);
  plainColorSets.set(tokenizer, plain);
  return plain;
}

/**
 * The class names of a token by its colour and then its font style (a bit set, 0–7): the theme has a
 * few dozen pairs, and a code block has a token every few characters (GitHub's API through
 * Widdershins: millions), each of which would otherwise lower-case, look up and join its classes.
 */
type TokenClasses = Map<string | undefined, string[]>;
const tokenClassSets = new WeakMap<LineTokenizer, TokenClasses>();

const tokenClasses = (tokenizer: LineTokenizer): TokenClasses => {
  let classes = tokenClassSets.get(tokenizer);
  if (!classes) tokenClassSets.set(tokenizer, (classes = new Map()));
  return classes;
};

function classOf(classes: TokenClasses, plain: Set<string>, color: string | undefined, fontStyle = 0): string {
  let byStyle = classes.get(color);
  if (!byStyle) classes.set(color, (byStyle = []));
  let found = byStyle[fontStyle];
  if (found === undefined) {
    const names: string[] = [];
    if (color && !plain.has(color.toLowerCase())) names.push(colorClass(color));
    if (fontStyle) for (const [bit, name] of FONT_CLASSES) if (fontStyle & bit) names.push(name);
    found = byStyle[fontStyle] = names.join(' ');
  }
  return found;
}

/**
 * Highlights code as hast for a `<code>` element: one span per run of tokens of the same colour,
 * plain text where the colour is the theme's default or looks like it (PLAIN_DIFFERENCE).
 * `language` must be loaded (or 'text').
 */
export function highlightToHast(shiki: Highlighter, code: string, language: string): ElementContent[] {
  const canonical = canonicalLanguage(language) ?? 'text';
  const key = `${canonical}\u0000${code}`;
  const cached = cache.get(key);
  if (cached) return copyOf(cached);
  if (canonical === 'text') return [{ type: 'text', value: code }];

  let tokenizer = lineTokenizers.get(shiki);
  if (!tokenizer) lineTokenizers.set(shiki, (tokenizer = new LineTokenizer(shiki, THEME)));
  const tokens = tokenizer.tokenize(code, canonical);
  const plain = plainColors(tokenizer);
  const out: ElementContent[] = [];
  let runClass = '';
  let runText = '';
  const flush = () => {
    if (!runText) return;
    if (runClass) out.push({ type: 'element', tagName: 'span', properties: { className: runClass.split(' ') }, children: [{ type: 'text', value: runText }] });
    else if (out.at(-1)?.type === 'text') (out.at(-1) as { value: string }).value += runText;
    else out.push({ type: 'text', value: runText });
    runText = '';
  };
  const classes = tokenClasses(tokenizer);
  tokens.forEach((line, index) => {
    for (const token of line) {
      const whitespace = /^\s*$/.test(token.content);
      const tokenClass = whitespace ? runClass : classOf(classes, plain, token.color, token.fontStyle);
      if (tokenClass !== runClass) flush();
      runClass = tokenClass;
      runText += token.content;
    }
    if (index < tokens.length - 1) {
      flush();
      runClass = '';
      runText = '\n';
      flush();
    }
  });
  flush();
  if (cachedChars + code.length > MAX_CACHED_CODE_CHARS) {
    cache.clear();
    cachedChars = 0;
  }
  cache.set(key, out);
  cachedChars += code.length;
  return copyOf(out);
}

/**
 * A copy of highlighted code for a page's tree, which its plugins may change (the remembered one must
 * not change). Highlighted code is only text and spans of one text each, so it is copied by hand:
 * structuredClone took 5 % of rendering GitHub's spec.
 */
const copyOf = (nodes: readonly ElementContent[]): ElementContent[] =>
  nodes.map((node): ElementContent => {
    if (node.type === 'text') return { type: 'text', value: node.value };
    const span = node as Element & { children: [Text] };
    return {
      type: 'element',
      tagName: 'span',
      properties: { className: [...(span.properties.className as string[])] },
      children: [{ type: 'text', value: span.children[0].value }],
    };
  });

/** The stylesheet for the theme's token colours (see paletteCss), readable on `background` (a hex colour). */
export async function themeCss(background?: string): Promise<string> {
  const shiki = await getHighlighter();
  const theme = shiki.getTheme(THEME);
  const colors = theme.settings.flatMap((setting) => (setting.settings?.foreground ? [setting.settings.foreground] : []));
  return paletteCss(colors, background);
}
