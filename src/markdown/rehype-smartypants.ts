import type { ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { facts, pageContext } from './context';
import { headingLinkHtml } from './rehype-collect-headings';
import { isElementLike, tagName, textOf } from './hast-nodes';
import { SKIP, walk } from './walk';

/**
 * Redcarpet's SmartyPants, for the Slate projects whose config.rb applied it (a `smartypants: true`
 * with no renderer named: content/slate-renderer.ts): straight quotes curled by where they stand,
 * `'` in `don't` an apostrophe, `---` an em dash and `--` an en dash, `...` an ellipsis, `(c)`,
 * `(r)`, `(tm)` and ½ ¼ ¾. Not in code, kbd, var, samp, math, script or style. The rules are
 * Redcarpet's (html_smartypants.c), run over the page's text in order, as Redcarpet ran them over
 * its HTML: its tags were punctuation beside the text, as the start and end of a text node are here.
 * After the headings are collected (their ids are made from the text before), whose TOC text then
 * follows what the page shows.
 */
const SKIPPED = new Set(['pre', 'code', 'var', 'samp', 'kbd', 'math', 'script', 'style']);

/**
 * Whether SmartyPants takes `char` for the edge of a word (C's isspace or ispunct in ASCII; nothing
 * outside it). A no-break space too: Redcarpet's SmartyPants ran over HTML, where `&nbsp;` was still
 * written out, so the `;` before `&nbsp;"quoted"` opened the quote; here the text holds U+00A0.
 */
const boundary = (char: string | undefined) => char === undefined || /^[ \t\n\v\f\r!-/:-@[-`{-~\u00a0]$/.test(char);
const fractionBoundary = (char: string | undefined) => char !== '/' && boundary(char);

interface Quotes {
  single: boolean;
  double: boolean;
}

const QUOTE = { single: ['‘', '’'], double: ['“', '”'] } as const;

/** An opening quote at the start of a word, a closing one at its end (by whether one is open), else nothing. */
function quote(kind: keyof Quotes, open: Quotes, previous: string | undefined, next: string | undefined): string | undefined {
  if (open[kind] ? !boundary(next) : !boundary(previous)) return undefined;
  const curled = QUOTE[kind][open[kind] ? 1 : 0];
  open[kind] = !open[kind];
  return curled;
}

/** `text` with SmartyPants' substitutions; `previous`: the character before it (undefined: a tag); `after`: the one after. */
export function smarten(text: string, open: Quotes, previous?: string, after?: string): string {
  let out = '';
  const at = (i: number) => (i < text.length ? text[i] : after);
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const before = i === 0 ? previous : text[i - 1];
    const rest = text.slice(i, i + 6).toLowerCase();
    if (char === '-' && text.startsWith('---', i)) {
      out += '—';
      i += 2;
    } else if (char === '-' && text.startsWith('--', i)) {
      out += '–';
      i += 1;
    } else if (char === '.' && (text.startsWith('...', i) || text.startsWith('. . .', i))) {
      out += '…';
      i += text.startsWith('...', i) ? 2 : 4;
    } else if (char === '(' && /^\((c|r|tm)\)/.test(rest)) {
      const sign = /^\((c|r|tm)\)/.exec(rest)![1]!;
      out += sign === 'c' ? '©' : sign === 'r' ? '®' : '™';
      i += sign.length + 1;
    } else if ((char === '1' || char === '3') && fractionBoundary(before) && /^(1\/2|1\/4|3\/4)/.test(rest)) {
      const fraction = rest.slice(0, 3);
      const tail = fraction === '1/4' ? 'th' : fraction === '3/4' ? 'ths' : '';
      const next = at(i + 3);
      if (fractionBoundary(next) || (tail && rest.slice(3, 3 + tail.length) === tail)) {
        out += fraction === '1/2' ? '½' : fraction === '1/4' ? '¼' : '¾';
        i += 2;
      } else out += char;
    } else if (char === '"') {
      out += quote('double', open, before, at(i + 1)) ?? '"';
    } else if (char === '`' && text[i + 1] === '`') {
      const curled = quote('double', open, before, at(i + 2));
      out += curled ?? '`';
      if (curled) i += 1;
    } else if (char === "'") {
      const [curled, used] = singleQuote(text, i, open, before, at);
      out += curled;
      i += used;
    } else if (char === '\\' && /^[\\"'.\-`]$/.test(text[i + 1] ?? '')) {
      out += text[i + 1];
      i += 1;
    } else out += char;
  }
  return out;
}

/** A `'` at `i`: a double quote when two, a quote by where it stands, an apostrophe (don't, you're, students'), or itself. */
function singleQuote(text: string, i: number, open: Quotes, before: string | undefined, at: (i: number) => string | undefined): [string, number] {
  const t1 = at(i + 1)?.toLowerCase();
  if (t1 === undefined) return ["'", 0];
  if (t1 === "'") {
    const curled = quote('double', open, before, at(i + 2));
    if (curled) return [curled, 1];
  }
  const curled = quote('single', open, before, t1);
  if (curled) return [curled, 0];
  if (boundary(t1)) return ['’', 0];
  const t2 = at(i + 2)?.toLowerCase();
  if (['s', 't', 'm', 'd'].includes(t1) && boundary(t2)) return ['’', 0];
  if (['re', 'll', 've'].includes(`${t1}${t2 ?? ''}`) && boundary(at(i + 3))) return ['’', 0];
  return ["'", 0];
}

export default function rehypeSmartypants() {
  return (tree: Root, file: VFile) => {
    if (!pageContext(file).smartypants) return;
    const open: Quotes = { single: false, double: false };
    walk(tree, (node, index, parent) => {
      if (isElementLike(node as ElementContent) && SKIPPED.has(tagName(node as never))) return SKIP;
      if (node.type !== 'text' || !parent) return undefined;
      const text = node as Text;
      const siblings = parent.children as ElementContent[];
      const before = index ? siblings[index - 1] : undefined;
      const after = index !== undefined ? siblings[index + 1] : undefined;
      // Beside a tag the character SmartyPants saw was `<` or `>`; beside other text, that text's.
      const previous = before?.type === 'text' ? before.value.at(-1) : '>';
      const next = after?.type === 'text' ? after.value[0] : '<';
      // A possessive right after a link ([Slate](…)'s): Redcarpet's rule for `</a>` followed by `'`.
      const possessive = before && isElementLike(before) && tagName(before) === 'a' && text.value.startsWith("'");
      text.value = possessive ? `’${smarten(text.value.slice(1), open, "'", next)}` : smarten(text.value, open, previous, next);
      return undefined;
    });
    // The TOC shows the headings as the page does.
    for (const heading of facts(file).headings) {
      const children = heading.node.children as ElementContent[];
      heading.html = headingLinkHtml(children);
      heading.text = children.map(textOf).join('').trim();
    }
  };
}
