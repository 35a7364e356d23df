import { describe, expect, it } from 'vitest';
import { headTextEdits } from '../../src/integration/head-text';
import type { PageData } from '../../src/content/page-data';
import type { ListedPage } from '../../src/llms/page-order';

const listed: ListedPage[] = [
  { outputPath: 'schemas.html', title: 'Big API', groupTitle: 'Schemas', set: { source: 'index.html', index: 1 } },
  { outputPath: 'schemas-2.html', title: 'Big API', groupTitle: 'Schemas: Pet', description: 'A pet.', set: { source: 'index.html', index: 2 } },
  { outputPath: 'schemas-3.html', title: 'Big API', groupTitle: 'Schemas: Toy', set: { source: 'index.html', index: 3 } },
];
const now = (changes: Partial<PageData>) => ({ ...listed[1]!, meta: [], ...changes }) as unknown as PageData;

describe("a page's own title and description in a quick rebuild", () => {
  it('are replaced in its head, escaped as the layout writes them, and in the pagers of the pages beside it', () => {
    const result = headTextEdits(listed, [now({ groupTitle: 'Schemas: Pet & "Toy"', description: 'A <pet>.' })]);
    if (typeof result === 'string') throw new Error(result);
    expect(result.edits.get('schemas-2.html')).toEqual([
      { from: '<title>Schemas: Pet – Big API</title>', to: '<title>Schemas: Pet &amp; &quot;Toy&quot; – Big API</title>' },
      {
        from: '<meta property="og:title" content="Schemas: Pet – Big API">',
        to: '<meta property="og:title" content="Schemas: Pet &#38; &#34;Toy&#34; – Big API">',
      },
      {
        from: '<meta name="twitter:title" content="Schemas: Pet – Big API">',
        to: '<meta name="twitter:title" content="Schemas: Pet &#38; &#34;Toy&#34; – Big API">',
      },
      { from: '<meta name="description" content="A pet.">', to: '<meta name="description" content="A <pet>.">' },
      { from: '<meta property="og:description" content="A pet.">', to: '<meta property="og:description" content="A <pet>.">' },
      { from: '<meta name="twitter:description" content="A pet.">', to: '<meta name="twitter:description" content="A <pet>.">' },
    ]);
    for (const neighbour of ['schemas.html', 'schemas-3.html'])
      expect(result.edits.get(neighbour)).toEqual([
        { from: '<span class="pager-title">Schemas: Pet</span>', to: '<span class="pager-title">Schemas: Pet &amp; &quot;Toy&quot;</span>' },
      ]);
    expect(result.listed[1]).toMatchObject({ groupTitle: 'Schemas: Pet & "Toy"', description: 'A <pet>.' });
  });

  it('that appear or go (tags added or removed) need the full build; unchanged ones, nothing', () => {
    expect(headTextEdits(listed, [now({ description: undefined })])).toBe('the description of schemas-2.html changed');
    expect(headTextEdits(listed, [now({ groupTitle: undefined })])).toBe('the title of schemas-2.html changed');
    const same = headTextEdits(listed, [now({})]);
    expect(typeof same !== 'string' && same.edits.size).toBe(0);
  });
});
