import { describe, expect, test } from 'vitest';
import { nearestNames } from '../../src/schema/languages';
import { NearestIds } from '../../src/settle/nearest-id';
import { settlePage, type SettleInput } from '../../src/settle/settle-page';

const FILE = '/docs/index.html.md';

/** A page of `count` h2 sections, each with an id like Widdershins' (`list-repositories-123`), and the given links. */
function page(count: number, links: string[]): SettleInput {
  const verbs = ['list', 'get', 'create', 'update', 'delete', 'check', 'add', 'remove'];
  const headings = Array.from({ length: count }, (_, index) => {
    const text = `${verbs[index % verbs.length]} repository item ${index}`;
    return { level: 2, base: text.replace(/ /g, '-'), html: text, text, file: FILE, line: index + 1, section: index };
  });
  return {
    page: { file: FILE, outputPath: 'index.html', slate: true, tocDepth: 2 },
    files: [FILE],
    headings,
    ids: [],
    links: links.map((id, index) => ({ id, file: FILE, line: index + 1, section: index % count })),
    sections: headings.map((_, index) => ({ level: 2, bytes: 100, heading: index })),
    footers: [],
  };
}

describe('did-you-means for broken links', () => {
  test('are the closest ids within a third of the anchor (at least two edits), or one it starts', () => {
    const ids = ['authentication', 'authorization', 'errors', 'error-codes', 'get-all-kittens', 'get-a-kitten', 'kittens', 'rate-limits'];
    const suggest = new NearestIds(ids);
    // Typos: the same as nearestNames chooses.
    for (const anchor of ['autentication', 'authorisation', 'eror', 'get-all-kitens', 'kitten', 'rate', 'zzz', 'get-a-kiten', 'errors-codes']) {
      expect(suggest.nearest(anchor)[0], anchor).toBe(nearestNames(anchor, ids, 1)[0]);
    }
    // Stripe's links to its own site's anchors: ids of another naming, six edits away, are no suggestion.
    const stripe = new NearestIds(['getcharges', 'postcharges', 'getinvoices']);
    expect(stripe.nearest('create_charge')).toEqual([]);
    expect(stripe.nearest('getcharge')).toEqual(['getcharges']);
  });

  test('add the id that is the anchor with words added or taken away at its end, when it is not the closest', () => {
    // Accelo's docs: links written before their headings gained "(Retainers)", "(Tickets)", or lost "(Beta)".
    const ids = ['contacts', 'contracts-retainers', 'issues-tickets', 'list-purchases', 'list-purchases-by-job', 'error-codes', 'errors'];
    const suggest = new NearestIds(ids);
    expect(suggest.nearest('contracts')).toEqual(['contacts', 'contracts-retainers']);
    expect(suggest.nearest('issues')).toEqual(['issues-tickets']);
    expect(suggest.nearest('list-purchases-beta')).toEqual(['list-purchases']);
    // Ids much shorter than the anchor (past its allowed edits) are not looked at.
    expect(suggest.nearest('errors-codes')).toEqual(['error-codes']);
    // Of several, the one nearest in length; a word must end where the anchor does (`contact` is no word of `contacts`).
    expect(suggest.nearest('list-purchase')).toEqual(['list-purchases']);
    expect(new NearestIds(['get-a-kitten-by-id', 'get-a-kitten-by-name-or-id']).nearest('get-a-kitten')).toEqual(['get-a-kitten-by-id']);
  });

  test('say both in the fix, the closest first', () => {
    const input = page(2, ['contracts']);
    input.headings = input.headings.map((heading, index) => ({ ...heading, base: ['contacts', 'contracts-retainers'][index]! }));
    const broken = settlePage(input).problems.filter((problem) => problem.kind === 'link-broken');
    expect(broken.map((problem) => problem.fix)).toEqual(['did you mean "#contacts" or "#contracts-retainers"?']);
  });

  test('a page with 20,000 links, 2,000 of them to no id, is checked in bounded time, every broken link reported', () => {
    const count = 10_000;
    const links = Array.from({ length: 20_000 }, (_, index) =>
      index % 10 === 0
        ? `list-repository-item-${index}-typo`
        : `${['list', 'get', 'create', 'update', 'delete', 'check', 'add', 'remove'][(index % count) % 8]}-repository-item-${index % count}`,
    );
    const started = performance.now();
    const settled = settlePage(page(count, links));
    // A generous bound: comparing every broken link with every id took minutes.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(settled.problems.filter((problem) => problem.kind === 'link-broken')).toHaveLength(2_000);
    expect(settled.problems.find((problem) => problem.kind === 'link-broken')?.fix).toBe('did you mean "#list-repository-item-0"?');
  });
});

describe('an h1 group too large for one page', () => {
  const FILE2 = '/docs/index.md';
  /** h1 "Schemas" with 31 h2 sections of 100 KB each, then a small h1 "Errors". */
  function big(): SettleInput {
    const heads = [
      { level: 1, text: 'Schemas' },
      ...Array.from({ length: 31 }, (_, index) => ({ level: 2, text: `Schema ${index + 1}` })),
      { level: 1, text: 'Errors' },
    ].map((heading, index) => ({
      ...heading,
      base: heading.text.toLowerCase().replace(/ /g, '-'),
      html: heading.text,
      file: FILE2,
      line: index + 1,
      section: index,
    }));
    return {
      page: { file: FILE2, outputPath: 'index.html', slate: false, tocDepth: 2 },
      files: [FILE2],
      headings: heads,
      ids: [],
      links: [],
      sections: heads.map((heading, index) => ({ level: heading.level, bytes: heading.level === 2 ? 30_000 : 100, heading: index })),
      footers: [],
      splitting: { split: undefined, takenPaths: new Set(['index.html']) },
    };
  }

  test('continues on pages that start at an h2, none over 120 KB of sections, each named after its h1 and its place in the group', () => {
    const settled = settlePage(big());
    expect(settled.split).toBe(true);
    // 90 % of 120 KB for the sections, each with 250 bytes for its TOC entry: three schemas a page.
    const continued = [4, 7, 10, 13, 16, 19, 22, 25, 28, 31];
    expect(settled.paths).toEqual(['index.html', ...continued.map((_, page) => `schemas-${page + 2}.html`), 'errors.html']);
    const pageBytes = settled.paths.map((_, page) =>
      settled.groupOf.reduce((sum, group, section) => sum + (group === page ? big().sections[section]!.bytes : 0), 0),
    );
    expect(Math.max(...pageBytes)).toBeLessThanOrEqual(120_000);
    expect(settled.paths.map((_, page) => settled.parentOf(page))).toEqual([undefined, ...continued.map(() => 0), undefined]);
    expect(settled.paths.map((_, page) => settled.titleOf(page))).toEqual([undefined, ...continued.map((schema) => `Schemas: Schema ${schema}`), 'Errors']);
    expect(settled.headingsOf(2).map((heading) => heading.id)).toEqual(['schema-7', 'schema-8', 'schema-9']);
  });

  test('continues the first group on more pages when text without a heading comes before it', () => {
    // GitHub's spec: its description, then the h1 "actions" of 187 operations, on one 1.7 MB page.
    const input = big();
    const sections = [{ level: 0, bytes: 500 }, ...input.sections];
    const headings = input.headings.map((heading) => ({ ...heading, section: heading.section! + 1 }));
    const settled = settlePage({ ...input, headings, sections });
    expect(settled.paths).toEqual(['index.html', ...Array.from({ length: 10 }, (_, page) => `schemas-${page + 2}.html`), 'errors.html']);
  });

  test('keeps the names of the pages when the h2 that starts one is renamed (an operation’s summary edited)', () => {
    const input = big();
    const renamed = input.headings.map((heading) => (heading.base === 'schema-7' ? { ...heading, base: 'schema-7-edited', text: 'Schema 7 edited' } : heading));
    expect(settlePage({ ...input, headings: renamed }).paths).toEqual(settlePage(input).paths);
  });

  test('continues a group of few bytes but many elements at 90 % of 3,500 elements a page', () => {
    const input = big();
    // Thirty-one schemas of 10 KB but 1,000 elements each (long tables): three a page (3,000 elements; a fourth would pass 3,150).
    const sections = input.sections.map((section) => (section.level === 2 ? { ...section, bytes: 10_000, elements: 1_000 } : section));
    const settled = settlePage({ ...input, sections, splitting: { split: 'h1', takenPaths: new Set(['index.html']) } });
    expect(settled.paths).toEqual(['index.html', ...Array.from({ length: 10 }, (_, page) => `schemas-${page + 2}.html`), 'errors.html']);
  });

  test('does not split a doc Slate built as one page for its elements alone', () => {
    const input = big();
    const sections = input.sections.map((section) => (section.level === 2 ? { ...section, bytes: 1_000, elements: 1_000 } : section));
    expect(settlePage({ ...input, sections }).paths).toEqual(['index.html']);
  });

  test('stays one page with split: false', () => {
    const input = big();
    const settled = settlePage({ ...input, splitting: { split: false, takenPaths: new Set() } });
    expect(settled.paths).toEqual(['index.html']);
  });
});

describe('an id used twice', () => {
  /** A page of Shale's own format whose ids are in `files`: each mention at its line. */
  function withIds(mentions: Array<{ id: string; file: string; line: number; named?: true }>, specFiles?: ReadonlySet<string>): SettleInput {
    return {
      page: { file: '/docs/index.md', outputPath: 'index.html', slate: false, tocDepth: 2 },
      files: ['/docs/index.md', '/docs/api.json'],
      headings: [],
      ids: mentions.map((mention) => ({ ...mention, section: 0 })),
      links: [],
      sections: [],
      footers: [],
      ...(specFiles ? { specFiles } : {}),
    };
  }

  test("in a spec's text (WMATA's description under two operations) is a warning and the later one renamed; in the writer's Markdown an error", () => {
    const mentions = [
      { id: 'train-info', file: '/docs/api.json', line: 1 },
      { id: 'train-info', file: '/docs/api.json', line: 1 },
      { id: 'intro', file: '/docs/index.md', line: 3 },
      { id: 'intro', file: '/docs/index.md', line: 9 },
    ];
    const settled = settlePage(withIds(mentions, new Set(['/docs/api.json'])));
    expect(settled.ids).toEqual(['train-info', 'train-info-2', 'intro', 'intro']);
    expect(settled.problems.map((found) => [found.file, found.severity, found.message])).toEqual([
      ['/docs/index.md', 'error', 'id "intro" is already used earlier on the page.'],
      [
        '/docs/api.json',
        'warning',
        'id "train-info" is already used earlier on the page; this one is now "train-info-2" (links go to the first, as in a browser).',
      ],
    ]);
    expect(settlePage(withIds(mentions)).problems.map((found) => found.severity)).toEqual(['error', 'error']);
  });

  test('by an <a name> leaves the id to the element that has it, before or after, and renames the name with no problem; two names alike are repeats', () => {
    const mentions = [
      { id: 'orders', file: '/docs/index.md', line: 1, named: true as const },
      { id: 'orders', file: '/docs/index.md', line: 3 },
      { id: 'calls', file: '/docs/index.md', line: 5 },
      { id: 'calls', file: '/docs/index.md', line: 5, named: true as const },
      { id: 'dup', file: '/docs/index.md', line: 7, named: true as const },
      { id: 'dup', file: '/docs/index.md', line: 8, named: true as const },
    ];
    const settled = settlePage(withIds(mentions));
    expect(settled.ids).toEqual(['orders-2', 'orders', 'calls', 'calls-2', 'dup', 'dup']);
    expect(settled.problems.map((found) => [found.line, found.message])).toEqual([[8, 'id "dup" is already used earlier on the page.']]);
  });
});

describe("a broken link in a spec's text", () => {
  test("says an anchor of another site needs its whole URL (Stripe's #create_charge); the writer's own Markdown gets the plain fix", () => {
    const input = (file: string): SettleInput => ({
      page: { file: '/docs/index.md', outputPath: 'index.html', slate: false, tocDepth: 2 },
      files: ['/docs/index.md', '/docs/api.json'],
      headings: [{ level: 2, base: 'list-charges', html: 'List charges', text: 'List charges', file: '/docs/index.md', line: 1, section: 0 }],
      ids: [],
      links: [{ id: 'create_charge', file, line: 1, section: 0 }],
      sections: [{ level: 2, bytes: 100, heading: 0 }],
      footers: [],
      specFiles: new Set(['/docs/api.json']),
    });
    expect(settlePage(input('/docs/api.json')).problems[0]?.fix).toBe(
      'link to the id of a heading on this page; for a section of another site, write its whole URL in the spec (https://…#anchor).',
    );
    expect(settlePage(input('/docs/index.md')).problems[0]?.fix).toBe('link to the id of a heading on this page.');
  });
});
