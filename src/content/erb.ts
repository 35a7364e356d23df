import path from 'node:path';
import { problem, type Problem } from '../validation/problem';
import type { SourceFile } from './source-file';
import { NO_CONSTANTS, printedConstant, stringAssignments, type ErbConstants } from './erb-constants';
import { lineBreaks } from './line-breaks';

/**
 * The ERB that Slate sources use, read without Ruby. Slate (Middleman) runs the ERB of a `*.md.erb`
 * file before its Markdown. About one public Slate source in four has such a page, most of them to
 * put includes between their own sections (`<%= partial "includes/x" %>`, slate#304 and #1042):
 * `includes:` can only append. Shale reads:
 * - `<%= partial "includes/x" %>` (or `partial("includes/x")`) on a line of its own: the partial's
 *   file goes there, as one more part of the page (Middleman renders a partial on its own too); a
 *   partial that is no template (`partial "includes/response.json"`, often inside a code fence)
 *   is put in as it is, where the call was;
 * - `<%= image_tag "file.png" %>`, with an optional `alt: "…"` (or `:alt => "…"`): an image, found
 *   as Middleman finds it (where named, else in the images folder), with the alt text it would give;
 * - `<%# a comment %>`: nothing; `<%%`: a literal `<%`;
 * - `<% if false %> … <% end %>` (or `if nil`, `unless true`): nothing, whatever it holds: a block
 *   its writer switched off (Gannett's docs hide 15 such); one with an `else` or `elsif` needs Ruby;
 * - `<%= config[:endpoint] %>`, a helper that returns a string (`<%= endpoint_url %>`), string
 *   literals, and those joined with `+`: the text `config.rb` gives them (erb-constants.ts);
 * - `<% product_name = 'Sales.ai' %>` (or `@name = "…"`, several a block): variables of the file,
 *   given strings as above, printed where `<%= product_name %>` follows.
 * Any other code needs Ruby (a config value, a helper, a loop): an error that names it, since its
 * output cannot be known.
 */

/** A run of Markdown (starting on `line` of the file), or a partial to put in its place. */
export type ErbPiece = { text: string; line: number } | { partial: string; line: number };

/** Whether a file is ERB that Shale reads this way (`index.html.md.erb`, `_errors.md.erb`). */
export const isErb = (file: string): boolean => file.endsWith('.md.erb');

const TAG = /<%%|<%([=#-]?)([\s\S]*?)-?%>/g;
const STRING = String.raw`(["'])((?:(?!\1).)*)\1`;
const PARTIAL = new RegExp(String.raw`^\s*partial\s*\(?\s*${STRING}\s*\)?\s*$`);
/** Ruby's `#{…}` in a double-quoted name: the name is only known by running it. */
const INTERPOLATED = /#\{/;
/** One option of image_tag (`alt: "…"`, `:width => 150`): a name and a string or a number. */
const OPTION_SOURCE = String.raw`(?::(\w+)\s*=>|(\w+):)\s*(?:"([^"]*)"|'([^']*)'|(\d+))`;
const IMAGE = new RegExp(String.raw`^\s*image_tag\s*\(?\s*${STRING}\s*((?:,\s*${OPTION_SOURCE}\s*)*)\)?\s*$`);
const OPTION = new RegExp(OPTION_SOURCE, 'g');
/** The opening of a block that never runs. */
const NEVER = /^\s*(?:if\s+(?:false|nil)|unless\s+true)\s*$/;
/** Code that opens a block an `end` closes (`if x`, `items.each do |item|`). */
const OPENS = /^\s*(?:if|unless|case|while|until|begin|for)\b|\bdo\s*(?:\|[^|]*\|)?\s*$/;
const ENDS = /^\s*end\s*$/;
const BRANCH = /^\s*(?:else|elsif)\b/;

/**
 * The pieces of an ERB file's body, and what could not be read. `imageSrc`: the address, as the
 * page's HTML sees it, of an image named relative to the site (`images/x.png` or `x.png`).
 */
export function readErb(
  source: SourceFile,
  imageSrc: (file: string) => string,
  constants: ErbConstants = NO_CONSTANTS,
): { pieces: ErbPiece[]; problems: Problem[] } {
  const body = source.body;
  const pieces: ErbPiece[] = [];
  const problems: Problem[] = [];
  let text = '';
  let textLine = source.bodyLine;
  let from = 0;
  let line = source.bodyLine;
  const lineAt = (index: number) => {
    for (let at = body.indexOf('\n', from); at !== -1 && at < index; at = body.indexOf('\n', at + 1)) line++;
    from = index;
    return line;
  };
  let last = 0;
  // The file's own variables, as its blocks have set them so far.
  const locals = new Map<string, string>();
  // Inside a block that never runs (NEVER): where it starts, how deep its own blocks are, and whether it has another branch.
  let skipping: { start: number; line: number; tag: string; depth: number; branch: boolean } | undefined;
  for (const match of body.matchAll(TAG)) {
    const start = match.index;
    const end = start + match[0].length;
    if (skipping) {
      const code = match[0] === '<%%' || match[1] === '#' ? '' : (match[2] ?? '');
      if (ENDS.test(code) && --skipping.depth === 0) {
        if (skipping.branch) problems.push(problem('erb-code', { file: source.path, line: skipping.line }, { code: shorten(skipping.tag) }));
        text += '\n'.repeat(lineBreaks(body.slice(skipping.start, end)));
        last = end;
        skipping = undefined;
      } else if (OPENS.test(code)) skipping.depth++;
      else if (skipping.depth === 1 && BRANCH.test(code)) skipping.branch = true;
      continue;
    }
    text += body.slice(last, start);
    last = end;
    const tagLine = lineAt(start);
    const newlines = match[0].split('\n').length - 1;
    if (match[0] === '<%%') {
      text += '<%';
      continue;
    }
    const [, marker, code = ''] = match;
    if (marker === '#') {
      text += '\n'.repeat(newlines);
      continue;
    }
    if (marker !== '=' && NEVER.test(code)) {
      skipping = { start, line: tagLine, tag: match[0], depth: 1, branch: false };
      continue;
    }
    const partial = marker === '=' && !INTERPOLATED.test(code) ? PARTIAL.exec(code) : null;
    if (partial) {
      const lineStart = text.lastIndexOf('\n') + 1;
      const lineEnd = body.indexOf('\n', end);
      const after = body.slice(end, lineEnd === -1 ? body.length : lineEnd);
      if (text.slice(lineStart).trim() || after.trim()) {
        problems.push(problem('erb-partial-inline', { file: source.path, line: tagLine }, { code: match[0] }));
        continue;
      }
      pieces.push({ text: text.slice(0, lineStart), line: textLine }, { partial: partial[2]!, line: tagLine });
      // The rest of the call's line goes with it; the Markdown after it starts on the next line.
      last = lineEnd === -1 ? body.length : lineEnd + 1;
      text = '';
      textLine = tagLine + newlines + 1;
      continue;
    }
    const image = marker === '=' ? IMAGE.exec(code) : null;
    const options = image ? imageOptions(image[3]!) : undefined;
    if (image && options) {
      text += imageTag(image[2]!, options, imageSrc) + '\n'.repeat(newlines);
      continue;
    }
    const assigned = marker === '=' ? undefined : assign(stringAssignments(code), constants, locals);
    if (assigned) {
      for (const [name, value] of assigned) locals.set(name, value);
      text += '\n'.repeat(newlines);
      continue;
    }
    const printed = marker === '=' ? printedConstant(code, constants, locals) : undefined;
    if (printed !== undefined) {
      text += printed + '\n'.repeat(newlines);
      continue;
    }
    problems.push(problem('erb-code', { file: source.path, line: tagLine }, { code: shorten(match[0]) }));
    text += '\n'.repeat(newlines);
  }
  // A block that never ends: where it was meant to end is not known.
  if (skipping) problems.push(problem('erb-code', { file: source.path, line: skipping.line }, { code: shorten(skipping.tag) }));
  pieces.push({ text: text + body.slice(last), line: textLine });
  return { pieces, problems };
}

/** The variables a block of string assignments leaves (each may use the ones before), or undefined when one is not a string. */
function assign(
  assignments: Array<[string, string]> | undefined,
  constants: ErbConstants,
  locals: ReadonlyMap<string, string>,
): Map<string, string> | undefined {
  if (!assignments) return undefined;
  const after = new Map(locals);
  for (const [name, code] of assignments) {
    const value = printedConstant(code, constants, after);
    if (value === undefined) return undefined;
    after.set(name, value);
  }
  return after;
}

/**
 * image_tag's options as the image's attributes (`width: 150` → `width="150"`), in order; undefined
 * when one is not a plain attribute: an event handler or `src` would be code or another image.
 */
function imageOptions(list: string): Array<[string, string]> | undefined {
  const options: Array<[string, string]> = [];
  for (const option of list.matchAll(OPTION)) {
    const name = (option[1] ?? option[2]!).toLowerCase().replace(/_/g, '-');
    if (!/^[a-z][a-z0-9-]*$/.test(name) || name.startsWith('on') || name === 'src') return undefined;
    options.push([name, option[3] ?? option[4] ?? option[5]!]);
  }
  return options;
}

/** Middleman's `image_tag`: an address or a rooted path as it is; without alt, the file's name is the alt text; other options are attributes. */
function imageTag(file: string, options: Array<[string, string]>, imageSrc: (file: string) => string): string {
  const src = /^([a-z][a-z0-9+.-]*:|\/)/i.test(file) ? file : imageSrc(file);
  const name = path.posix.basename(file).replace(/\.[^.]*$/, '').replace(/[-_]+/g, ' ');
  const alt = options.find(([option]) => option === 'alt')?.[1] ?? name.charAt(0).toUpperCase() + name.slice(1);
  const others = options.filter(([option]) => option !== 'alt').map(([option, value]) => ` ${option}="${attribute(value)}"`);
  return `<img src="${attribute(src)}" alt="${attribute(alt)}"${others.join('')}>`;
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const shorten = (code: string) => {
  const flat = code.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
};
