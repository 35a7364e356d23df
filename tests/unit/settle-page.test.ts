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
  test('are the ids nearestNames would choose', () => {
    const ids = ['authentication', 'authorization', 'errors', 'error-codes', 'get-all-kittens', 'get-a-kitten', 'kittens', 'rate-limits'];
    const suggest = new NearestIds(ids);
    for (const anchor of ['autentication', 'authorisation', 'eror', 'get-all-kitens', 'kitten', 'rate', 'zzz', 'get-a-kiten', 'errors-codes']) {
      expect(suggest.nearest(anchor), anchor).toBe(nearestNames(anchor, ids, 1)[0]);
    }
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
