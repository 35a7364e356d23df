import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/content/site';
import { shinsCleanId, shinsIdsOf } from '../../src/content/shins-ids';
import { contextOf } from '../../src/markdown/assemble';
import { composePage } from '../../src/markdown/compose-page';
import { renderPart } from '../../src/markdown/render-part';
import { settlePage } from '../../src/settle/settle-page';
import { tempContent } from '../support/temp-content';

/**
 * Shins 2.6 built these headings into these ids (measured: its output of the page below). Shale
 * gives Slate's ids and puts Shins' inside the heading where they differ.
 */
const SHINS = [
  ["## Get a project's custom fields", 'get-a-project-39-s-custom-fields', 'get-a-project-s-custom-fields'],
  ['## Extract metadata (freeform)', 'extract-metadata-freeform', 'extract-metadata--freeform-'],
  ['## Within `examples` (body)', 'within-examples-body', 'within--code-examples--code---body-'],
  ['## *Emphasis* and __strong__ and ~~gone~~', 'emphasis-and-strong-and-gone', '-em-emphasis--em--and--strong-strong--strong--and--s-gone--s-'],
  ['## Ünïcode café – dash — and … dots', 'unicode-cafe-dash-and-dots', '-n-code-caf----dash---and---dots'],
  ['## Under_score  two  spaces', 'under_score-two-spaces', 'under_score--two--spaces'],
  ['## 100% sure? Yes!', '100-sure-yes', '100--sure--yes-'],
  ['## &amp; entity &rsquo; here', 'amp-entity-rsquo-here', '-amp--entity---here'],
  ['## \\*escaped\\* chars', 'escaped-chars', '-escaped--chars'],
  ['## A & B "quoted" <tag>', 'a-amp-b-quot-quoted-quot', 'a--amp--b--quot-quoted-quot-'],
  ['## Constructor', 'constructor', 'constructor-NaN'],
  ['<h2 id="tocS_Station">Station</h2>', 'tocS_Station', 'tocs_station'],
  ['<h2 id="Upper Case">Spaced</h2>', 'Upper Case', 'upper-case'],
  ['<h2 class="x" id="Classed_ID">Classed</h2>', 'Classed_ID', 'classed_id'],
  ["<h2>Raw heading's text</h2>", 'raw-heading-39-s-text', 'raw-heading-s-text'],
  // Raw HTML went through markdown-it as written: its text unescaped.
  // (Slate's ids: a raw-HTML heading without one takes its id after the Markdown ones.)
  ['<h2>Say "hi" & <b>bye</b></h2>', 'say-quot-hi-quot-amp-bye-2', 'say--hi-----b-bye--b-'],
  ['## Say "hi" & **bye**', 'say-quot-hi-quot-amp-bye', 'say--quot-hi-quot---amp---strong-bye--strong-'],
] as const;

async function composed(body: string, { file = 'index.html.md', split = 'false' } = {}) {
  const site = loadSite(tempContent({ [file]: `---\ntitle: Ids\nsplit: ${split}\n---\n\n${body}` }));
  const page = site.pages[0]!;
  const { segments: _none, ...context } = contextOf(page, '/', []);
  const parts = await Promise.all(page.parts.map((part) => renderPart(part, context)));
  return composePage(page, parts);
}

/** Each heading's id and the alias inside it (`<h2 id="a"><span class="alias" id="b">`). */
const idsOf = (html: string) =>
  [...html.matchAll(/<h[1-6][^>]*? id="([^"]*)"[^>]*>(?:<span class="alias" id="([^"]*)"><\/span>)?/g)].map(([, id, alias]) => [id, alias]);

describe("Shins' heading ids", () => {
  it('are the text lower-cased with every character but letters, digits and `_` made a hyphen', () => {
    expect(shinsCleanId('Get a project&#39;s')).toBe('get-a-project--39-s');
    expect(shinsCleanId('tocS_Station')).toBe('tocs_station');
    expect(shinsCleanId('Café')).toBe('caf-');
  });

  it('count repeats after every written id is seen, and do not remember the counted ones', () => {
    expect(
      shinsIdsOf([{ cleaned: 'introduction' }, { cleaned: 'introduction' }, { cleaned: 'introduction' }, { cleaned: 'introduction-2' }, { written: 'pet' }]),
    ).toEqual(['introduction', 'introduction-2', 'introduction-3', 'introduction-2', 'pet']);
    // A written id is seen before the heading above it is counted.
    expect(shinsIdsOf([{ cleaned: 'pet' }, { written: 'pet' }])).toEqual(['pet-2', 'pet']);
    // The object Shins counted in had `constructor` from its prototype.
    expect(shinsIdsOf([{ cleaned: 'constructor' }, { cleaned: 'constructor' }, { cleaned: '__proto__' }])).toEqual([
      'constructor-NaN',
      'constructor',
      '__proto__-NaN',
    ]);
    // A heading on several lines got none.
    expect(shinsIdsOf([{ cleaned: '' }, { cleaned: 'a' }])).toEqual([undefined, 'a']);
  });

  it("are given to the headings of a Slate page where they differ from Slate's, as Shins 2.6 gave them", async () => {
    const page = await composed(`# Introduction\n\n${SHINS.map(([heading]) => heading).join('\n\n')}\n`);
    expect(page.problems).toEqual([]);
    const [intro, ...rest] = idsOf(page.groups[0]!.html);
    expect(intro).toEqual(['introduction', undefined]);
    expect(rest).toEqual(SHINS.map(([, slate, shins]) => [slate, shins]));
    // The TOC and the search keep Slate's ids.
    expect(page.headings.map((heading) => heading.id).slice(1)).toEqual(SHINS.map(([, slate]) => slate));
  });

  it('are no alias where another element has the id or a heading gives none', async () => {
    const page = await composed(
      [
        '# Introduction',
        // Shins: `introduction-2`, which is this page's id of the next heading: the browser goes there.
        '## Introduction',
        '## Introduction 2',
        // The same ids in Shins and Slate.
        '## Get All Kittens',
        // Shins gave a heading on two lines no id.
        '<h2>\nTwo (lines)\n</h2>',
        // Shins made both lines the heading (Slate the last): on two lines, it had no id.
        'Above it\nSet (ext)\n===',
        '<p id="a--b-">Taken by a paragraph</p>',
        '## A (b)',
      ].join('\n\n'),
    );
    expect(idsOf(page.groups[0]!.html)).toEqual([
      ['introduction', undefined],
      ['introduction-2', undefined],
      ['introduction-2-2', undefined],
      ['get-all-kittens', undefined],
      ['two-lines', undefined],
      ['set-ext', undefined],
      ['a-b', undefined],
    ]);
  });

  it('are for Slate pages only: a Markdown page of Shale keeps one id per heading', async () => {
    const page = await composed("# A project's fields\n", { file: 'index.md' });
    expect(idsOf(page.groups[0]!.html)).toEqual([['a-project-39-s-fields', undefined]]);
  });

  it('answer #links in the page, and are in the moved-anchor ids of their page of a split set', async () => {
    const body = "# Introduction\n\nSee [the fields](#get-a-project-s-custom-fields).\n\n# Projects\n\n## Get a project's custom fields\n\nText.\n";
    expect((await composed(body)).problems).toEqual([]);
    const split = await composed(body, { split: 'h1' });
    expect(split.problems).toEqual([]);
    expect(split.groups.map((group) => group.outputPath)).toEqual(['index.html', 'projects.html']);
    expect(split.groups[1]!.ids).toContain('get-a-project-s-custom-fields');
    // The link on the first page follows the alias to the page that holds it.
    expect(split.groups[0]!.html).toContain('href="projects.html#get-a-project-s-custom-fields"');
  });

  it("sit with a spec's other anchors, which yield to an element with the same id, with no warning", async () => {
    const page = await composed('# Guide\n\n<div class="anchors"><span id="errors"></span></div>\n\n## Errors\n', { file: 'index.md' });
    expect(page.problems).toEqual([]);
    expect(page.groups[0]!.html).toContain('<h2 id="errors">Errors</h2>');
    expect(page.groups[0]!.html).toContain('<span id="errors-2"></span>');
  });

  it("are not given to a spec's sections, which carry their own anchors, nor counted", () => {
    const heading = (file: string, text: string, base: string, shins: string) => ({ level: 2, base, shins, html: text, text, file, section: 0 });
    const settled = settlePage({
      page: { file: '/docs/index.html.md', outputPath: 'index.html', slate: true, tocDepth: 2 },
      files: ['/docs/index.html.md', '/docs/pets.yaml'],
      specFiles: new Set(['/docs/pets.yaml']),
      headings: [
        heading('/docs/pets.yaml', "A pet's (owner)", 'a-pet-39-s-owner', 'a-pet-s--owner-'),
        heading('/docs/index.html.md', "A pet's (owner)", 'a-pet-39-s-owner', 'a-pet-s--owner-'),
      ],
      ids: [],
      links: [],
      sections: [{ level: 2, bytes: 10, heading: 0 }],
      footers: [],
    });
    // The guide's heading is Shins' first of the name, not its second (`-2`).
    expect(settled.aliases).toEqual([undefined, 'a-pet-s--owner-']);
  });
});
