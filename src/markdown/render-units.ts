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
/**
 * A link reference definition on one line, as CommonMark reads one: a label, a destination (in
 * `<>`, or without blanks and with its parentheses balanced), an optional title in quotes or
 * parentheses, nothing after. A line that only looks like one (`[Note]: text`, a title with
 * parentheses in it) is a paragraph, and carried into every unit it was shown once per unit.
 */
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const DEFINITION =
  /^ {0,3}\[\s*(?:[^[\]\\\s]|\\.)(?:[^[\]\\]|\\.)*\]:[ \t]*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))+)(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*$/;

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
  const body = part.body;
  if (body.length <= maxBytes) return [part];
  // The body is walked by offsets, and a line is cut out of it only outside fenced code: GitHub's
  // spec has 350,000 lines of Markdown, 250,000 of them JSON examples, and splitting it into lines
  // and joining them again into units was about half this function's time (the other half its
  // garbage). A unit's text is sliced from the body.
  const cuts: Array<{ line: number; offset: number }> = [{ line: 0, offset: 0 }];
  const definitions: string[] = [];
  /** What closes the open fence, tried at a line's start (made once per fence: a spec's JSON examples are long). */
  let fenceEnd: RegExp | undefined;
  let inComment = false;
  let open = 0;
  let unitStart = 0;
  let bytes = 0;
  let previousBlank = false;
  // A definition cannot interrupt a paragraph: it follows a blank line, a definition or a heading.
  let previousDefinitionOrHeading = false;
  let index = 0;
  for (let start = 0; ; index++) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    if (fenceEnd) {
      fenceEnd.lastIndex = start;
      if (fenceEnd.test(body)) fenceEnd = undefined;
      previousBlank = false;
    } else {
      const line = body.slice(start, end);
      if (inComment) {
        if (line.includes('-->')) inComment = false;
      } else {
        const opening = FENCE.exec(line);
        if (opening) {
          const fence = opening[1]!;
          // The closing fence: the same character at least as many times, then only white space to the line's end.
          fenceEnd = new RegExp(` {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[^\\S\\n]*(?:\\n|$)`, 'y');
        } else {
          if (index > unitStart && bytes >= maxBytes && open === 0 && previousBlank && HEADING.test(line)) {
            cuts.push({ line: index, offset: start });
            unitStart = index;
            bytes = 0;
          }
          // A definition cannot interrupt a paragraph: it follows a blank line, a definition or a heading.
          const definition: boolean = (previousBlank || previousDefinitionOrHeading) && DEFINITION.test(line);
          if (definition) definitions.push(line);
          previousDefinitionOrHeading = definition || ATX_HEADING.test(line);
          const text = line.includes('`') ? line.replace(/`+[^`]*`+/g, '') : line;
          const comment = text.lastIndexOf('<!--');
          if (comment >= 0 && !text.includes('-->', comment)) inComment = true;
          open += countTags(text);
          if (open < 0) open = 0;
        }
      }
      previousBlank = line.trim() === '';
    }
    bytes += end - start + 1;
    if (newline === -1) break;
    start = newline + 1;
  }
  const lineCount = index + 1;
  if (cuts.length === 1) return [part];
  return cuts.map((cut, at) => {
    const next = cuts[at + 1];
    // Up to the line break before the next unit's first line.
    const text = next ? body.slice(cut.offset, next.offset - 1) : body.slice(cut.offset);
    // Only the last unit can end inside a fence (units are cut outside them): an unclosed one runs on.
    const unitBody = definitions.length && !(!next && fenceEnd) ? `${text}\n\n${definitions.join('\n')}\n` : text;
    const unit: SourceFile = { ...part, yaml: at === 0 ? part.yaml : '', body: oneByte(unitBody), bodyLine: part.bodyLine + cut.line };
    if (part.origins) unit.origins = originsFrom(part.origins, cut.line, next?.line ?? lineCount);
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
