import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What kind of value a design token holds, told by its default: what a new value is checked as. */
export type TokenKind = 'colour' | 'length' | 'font' | 'number' | 'keyword';

export interface DesignToken {
  name: string;
  kind: TokenKind;
  /** Its default as written in tokens.css (`light-dark(#f3f7f9, #1b1f22)`, `230px`). */
  value: string;
}

const TOKENS_CSS = new URL('../styles/tokens.css', import.meta.url);

const COLOUR_FUNCTION = /^(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark)\(.*\)$/i;
const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const LENGTH = /^(?:0|-?\d*\.?\d+(?:px|rem|em|%|vw|vh|ch|ex|pt))$/i;
const NUMBER = /^\d*\.?\d+$/;
/** CSS's named colours (CSS Color 4), and the keywords a colour may be. */
const NAMED_COLOURS = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen transparent currentcolor`.split(
    ' ',
  ),
);

const isColour = (value: string) => HEX.test(value) || COLOUR_FUNCTION.test(value) || NAMED_COLOURS.has(value.toLowerCase());

function kindOf(value: string): TokenKind {
  if (isColour(value)) return 'colour';
  if (LENGTH.test(value) || /^calc\(/.test(value) || /^var\(--[\w-]+\)$/.test(value)) return 'length';
  if (NUMBER.test(value)) return 'number';
  if (value.includes(',') || /['"]/.test(value)) return 'font';
  return 'keyword';
}

let tokens: Map<string, DesignToken> | undefined;

/** Every design token of src/styles/tokens.css (its `:root` rule), by name without `--`. */
export function designTokens(): Map<string, DesignToken> {
  if (tokens) return tokens;
  const css = fs.readFileSync(fileURLToPath(TOKENS_CSS), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  tokens = new Map();
  for (const match of root.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) {
    const value = match[2]!.trim().replace(/\s+/g, ' ');
    // A token defined as another (`var(--aside-text)`) holds what that one holds.
    const alias = /^var\(--([\w-]+)\)$/.exec(value)?.[1];
    tokens.set(match[1]!, { name: match[1]!, kind: (alias && tokens.get(alias)?.kind) || kindOf(value), value });
  }
  return tokens;
}

/**
 * Why `value` cannot be the value of a token of this kind, or undefined when it can. Deliberately
 * plain: a value is one CSS value with no `;`, braces or comment that could end the rule it is put in.
 */
export function tokenValueProblem(kind: TokenKind, value: string): string | undefined {
  const text = value.trim();
  if (!text) return 'it is empty';
  if (/[;{}<>]|\/\*|\\/.test(text)) return 'it holds a character that would end the CSS rule (; { } < > \\ or a comment)';
  const balanced = [...text].reduce((depth, char) => (depth < 0 ? depth : depth + (char === '(' ? 1 : char === ')' ? -1 : 0)), 0) === 0;
  if (!balanced) return 'its parentheses are not balanced';
  if (/^var\(--[\w-]+(?:,.*)?\)$/.test(text)) return undefined;
  if (kind === 'colour' && !isColour(text)) return 'it is not a CSS colour (#1e2224, rgb(…), a colour name, or light-dark(light, dark))';
  if (kind === 'length' && !(LENGTH.test(text) || /^(calc|min|max|clamp)\(.*\)$/.test(text))) return 'it is not a CSS length (230px, 50%, 1.5rem, calc(…))';
  if (kind === 'number' && !NUMBER.test(text) && !LENGTH.test(text)) return 'it is not a number (1.5) or a length';
  return undefined;
}

/**
 * The two values of a `light-dark(light, dark)` colour, split at its top-level comma (a value may be
 * `rgb(0, 0, 0)` itself); undefined for any other value.
 */
export function lightDarkParts(value: string): { light: string; dark: string } | undefined {
  const inner = /^light-dark\((.*)\)$/i.exec(value.trim())?.[1];
  if (inner === undefined) return undefined;
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i];
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) return { light: inner.slice(0, i).trim(), dark: inner.slice(i + 1).trim() };
  }
  return undefined;
}

/** A token's dark-theme default, for a token that differs by theme (undefined for the others). */
export const darkDefault = (token: string): string | undefined => lightDarkParts(designTokens().get(token)?.value ?? '')?.dark;
