import type { LineOrigin, SourceFile } from '../content/source-file';

/**
 * A file larger than this is rendered in pieces ("units") of about this size, each on its own like
 * an include: both cores and the part cache work on a big generated file (Widdershins writes one
 * 19.5 MB file for GitHub's REST API) as they do on includes, and an edit re-renders one unit, not
 * the file. Parsing also costs more than the text grows (micromark's resolvers re-walk a document's
 * events), so small units are faster even on one core. Measured on the GitHub file (Shale's check,
 * two cores): units of 150 KB 55 s, 40 KB 49 s, 10 KB 38 s, 4 KB 41 s, 2 KB 43 s; the whole file in
 * one unit took over 5 minutes. The bench's 5,000 endpoints (includes of about 17 KB) took the same
 * time with 10 KB and 150 KB units.
 */
const UNIT_BYTES = 10_000;

/** Elements that can hold a heading: a heading inside one of them must stay with it. */
const CONTAINERS =
  'div|section|aside|article|main|nav|header|footer|details|summary|figure|table|thead|tbody|tfoot|tr|td|th|ul|ol|li|dl|dd|dt|blockquote|form|fieldset|pre|script|style|textarea|template';
const OPENING = new RegExp(`<(${CONTAINERS})(?=[\\s>/])[^>]*?(/?)>`, 'gi');
const CLOSING = new RegExp(`</(${CONTAINERS})\\s*>`, 'gi');
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^(#{1,2}[ \t]|<h[12][\s>])/i;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/;

/**
 * Cuts a large file into units at h1 and h2 headings where nothing is open: not in a fenced code
 * block, an HTML comment, or a raw HTML element that could hold a heading (counted from the tags
 * written outside code), and after a blank line. Rendering the units one after another gives the
 * same HTML as rendering the file whole: a cut is only where the file's structure starts afresh.
 * Link reference definitions apply to the whole file, so each unit gets them all (they render
 * nothing), unless it ends inside an unclosed fence, which would show them as code.
 * Each unit keeps the file's path and its own first line, so problems point into the file.
 */
export function renderUnits(part: SourceFile, maxBytes = UNIT_BYTES): SourceFile[] {
  if (part.body.length <= maxBytes) return [part];
  const lines = part.body.split('\n');
  const cuts: number[] = [0];
  const definitions: string[] = [];
  let fence: string | undefined;
  /** The line that closes the open fence (made once per fence: a spec's JSON examples are long). */
  let fenceEnd: RegExp | undefined;
  let inComment = false;
  let open = 0;
  let unitStart = 0;
  let bytes = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (fence) {
      if (fenceEnd!.test(line)) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else {
      const opening = FENCE.exec(line);
      if (opening) {
        fence = opening[1]!;
        fenceEnd = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      } else {
        if (index > unitStart && bytes >= maxBytes && open === 0 && HEADING.test(line) && lines[index - 1]!.trim() === '') {
          cuts.push(index);
          unitStart = index;
          bytes = 0;
        }
        if (DEFINITION.test(line)) definitions.push(line);
        const text = line.replace(/`+[^`]*`+/g, '');
        const comment = text.lastIndexOf('<!--');
        if (comment >= 0 && !text.includes('-->', comment)) inComment = true;
        open += countTags(text);
        if (open < 0) open = 0;
      }
    }
    bytes += line.length + 1;
  }
  if (cuts.length === 1) return [part];
  return cuts.map((start, index) => {
    const end = cuts[index + 1] ?? lines.length;
    const text = lines.slice(start, end).join('\n');
    // Only the last unit can end inside a fence (units are cut outside them): an unclosed one runs on.
    const last = index === cuts.length - 1;
    const body = definitions.length && !(last && fence) ? `${text}\n\n${definitions.join('\n')}\n` : text;
    const unit: SourceFile = { ...part, yaml: index === 0 ? part.yaml : '', body: oneByte(body), bodyLine: part.bodyLine + start };
    if (part.origins) unit.origins = originsFrom(part.origins, start, end);
    return unit;
  });
}

/** The origins of the lines `start` to `end` of a body, counted from `start`. */
function originsFrom(origins: LineOrigin[], start: number, end: number): LineOrigin[] {
  const first = origins.findLastIndex((origin) => origin.from <= start);
  return origins
    .slice(first)
    .filter((origin) => origin.from < end)
    .map((origin, index) => (index === 0 ? { from: 0, file: origin.file, line: origin.line + start - origin.from } : { ...origin, from: origin.from - start }));
}

/** Container elements opened minus closed in a line of raw text. */
function countTags(text: string): number {
  if (!text.includes('<')) return 0;
  let count = 0;
  for (const [, , selfClosed] of text.matchAll(OPENING)) if (!selfClosed) count += 1;
  for (const _ of text.matchAll(CLOSING)) count -= 1;
  return count;
}

/**
 * A text in V8's one-byte form when every character of it fits one (Latin-1). A unit cut from a
 * file that has one character beyond that anywhere (an emoji, a "≥") is two bytes a character, and
 * so is every string made from it: the HTML rendered from it, its search records. GitHub's spec
 * (294 such characters in 25 million): the build's peak, now the main thread's heap beside
 * Pagefind's at the end, 1,074 → 1,002 MiB (two runs each), at 0.98 × the time (four pairs).
 */
function oneByte(text: string): string {
  return /[^\u0000-\u00ff]/.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}
