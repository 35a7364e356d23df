import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/content/site';
import { contextOf } from '../../src/markdown/assemble';
import { composePage } from '../../src/markdown/compose-page';
import { renderPart } from '../../src/markdown/render-part';
import { renderUnits } from '../../src/markdown/render-units';
import { tempContent } from '../support/temp-content';

/** A Slate page whose structure runs across headings in every way a cut could break. */
const PAGE = `---
title: Units
language_tabs:
  - shell
---

# Introduction

See [the guide][guide] and [errors](#errors).

## Fenced

\`\`\`shell
# not a heading: a shell comment
curl https://example.com
\`\`\`

<div class="notice">

## Inside a div

Its heading stays inside the div, as the browser nests it.

</div>

<!-- a comment

## Not a heading either

-->

## After the comment

Text with \`<div>\` in code, which opens nothing.

<h2 id="raw">A raw heading</h2>

# Errors

| Code | Meaning |
| --- | --- |
| 400 | Bad request |

## The last section

[Note]: only text, though it looks like a definition.

[//]: # (a comment (with parentheses): text too, to CommonMark)

[guide]: https://example.com/guide

\`\`\`shell
curl never closed
## still code
`;

const contentDir = tempContent({ 'index.html.md': PAGE });

async function render(size: number) {
  const site = loadSite(contentDir);
  const page = site.pages[0]!;
  const { segments: _s, footerAnchors: _f, tocDepth: _t, ...context } = contextOf(page, '/', []);
  const units = page.parts.flatMap((part) => renderUnits(part, size));
  const composed = composePage(page, await Promise.all(units.map((unit) => renderPart(unit, context))), new Set(['index.html']));
  const sorted = [...composed.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message));
  return { units, html: composed.groups[0]!.html, headings: composed.headings, problems: sorted };
}

describe('a large file rendered in units', () => {
  it('is cut only at h1 and h2 headings where nothing is open, each unit starting at its own line of the file', async () => {
    const { units } = await render(1);
    const starts = units.map((unit) => unit.body.split('\n')[0]);
    expect(starts).toEqual(['', '# Introduction', '## Fenced', '## After the comment', '<h2 id="raw">A raw heading</h2>', '# Errors', '## The last section']);
    const lineOf = (text: string) => PAGE.split('\n').indexOf(text) + 1;
    expect(units.map((unit) => unit.bodyLine)).toEqual([
      units[0]!.bodyLine,
      lineOf('# Introduction'),
      lineOf('## Fenced'),
      lineOf('## After the comment'),
      lineOf('<h2 id="raw">A raw heading</h2>'),
      lineOf('# Errors'),
      lineOf('## The last section'),
    ]);
  });

  it('renders the same page as the whole file: HTML, ids, links, problems and their lines', async () => {
    const whole = await render(Number.MAX_SAFE_INTEGER);
    const cut = await render(1);
    expect(whole.units).toHaveLength(1);
    expect(cut.html).toBe(whole.html);
    expect(cut.headings).toEqual(whole.headings);
    expect(cut.problems).toEqual(whole.problems);
    // The reference defined at the end reaches the link at the top; the unclosed fence is still reported.
    expect(cut.html).toContain('<a href="https://example.com/guide" rel="noopener noreferrer">the guide</a>');
    expect(cut.problems.map((problem) => problem.kind)).toEqual(['fence-unclosed']);
    // Lines that only look like definitions are shown once, where they are, not in every unit.
    expect(cut.html.split('[Note]: only text').length).toBe(2);
    expect(cut.html.split('[//]: # (a comment').length).toBe(2);
  });

  it('keeps a small file whole', () => {
    const site = loadSite(contentDir);
    expect(renderUnits(site.pages[0]!.parts[0]!)).toEqual([site.pages[0]!.parts[0]]);
  });

  it('keeps every character of each unit, one beyond Latin-1 in the file or not', () => {
    // A unit of Latin-1 only (kept one byte a character) and one with characters beyond it, cut from the same text.
    const body = ['# Café', '', 'Crème brûlée: 5 ¥? No, 5 £.', '', '# Beyond', '', 'Default: the repository’s branch, ≥ 1 🎉 微软雅黑.', ''].join('\n');
    const units = renderUnits({ path: '/c/index.html.md', dialect: 'md', yaml: '', body, bodyLine: 1, yamlLine: 1 }, 1);
    // Units are the file's lines, cut between two of them.
    expect(units.map((unit) => unit.body)).toEqual([body.slice(0, body.indexOf('\n# Beyond')), body.slice(body.indexOf('# Beyond'))]);
  });

  it('ends a fence only at a line of its character, as many times or more, then spaces alone', () => {
    const cutStarts = (fenceLines: string[]) => {
      const body = ['# One', '', '````json', ...fenceLines, '', '# Two', '', 'text', ''].join('\n');
      return renderUnits({ path: '/c/index.html.md', dialect: 'md', yaml: '', body, bodyLine: 1, yamlLine: 1 }, 1).map((unit) => unit.body.split('\n')[0]);
    };
    // Closed: four or more backticks, up to three spaces before them, spaces and tabs after: "# Two" starts a unit.
    expect(cutStarts(['{}', '````'])).toEqual(['# One', '# Two']);
    expect(cutStarts(['{}', '   `````  \t'])).toEqual(['# One', '# Two']);
    // Still open: too few backticks, four spaces before them, text after, the other character: no cut after it.
    for (const line of ['```', '    ````', '```` x', '~~~~']) expect(cutStarts(['{}', line])).toEqual(['# One']);
  });

  it('gives each unit the origins of its own lines when the file joins the text of several', () => {
    // Lines 0–3 are the page's from its line 10, lines 4–5 a spliced partial's, the rest the page's again from line 15.
    const body = ['# One', '', 'text', '```json', '{"a": 1}', '{"b": 2}', '```', '', '# Two', '', 'more', ''].join('\n');
    const origins = [
      { from: 0, file: '/c/index.html.md.erb', line: 10 },
      { from: 4, file: '/c/includes/x.json', line: 1 },
      { from: 6, file: '/c/index.html.md.erb', line: 15 },
    ];
    const units = renderUnits({ path: '/c/index.html.md.erb', dialect: 'md', yaml: '', body, bodyLine: 10, yamlLine: 1, origins }, 1);
    expect(units.map((unit) => unit.body.split('\n')[0])).toEqual(['# One', '# Two']);
    expect(units.map((unit) => unit.origins)).toEqual([origins, [{ from: 0, file: '/c/index.html.md.erb', line: 17 }]]);
  });
});
