import { describe, expect, it } from 'vitest';
import { AUTO_SPLIT_BYTES, groupPaths, shouldSplit, siblingHref } from '../../src/content/split';

describe('when a page is split', () => {
  it('splits a page with split: h1 however small it is', () => {
    expect(shouldSplit('h1', 100, 3)).toBe(true);
  });

  it('splits a page without the setting only once its HTML passes the size the README states', () => {
    expect(shouldSplit(undefined, AUTO_SPLIT_BYTES, 3)).toBe(false);
    expect(shouldSplit(undefined, AUTO_SPLIT_BYTES + 1, 3)).toBe(true);
  });

  it('keeps a page with split: false as one page however large it is', () => {
    expect(shouldSplit(false, AUTO_SPLIT_BYTES * 10, 40)).toBe(false);
  });

  it('keeps a page with one h1 group as one page, even with split: h1', () => {
    expect(shouldSplit('h1', 100, 1)).toBe(false);
    expect(shouldSplit(undefined, AUTO_SPLIT_BYTES * 10, 1)).toBe(false);
  });
});

describe('the paths of a split page', () => {
  it('keeps the page path for the first group and names the others after their h1 beside it', () => {
    expect(groupPaths('index.html', ['introduction', 'kittens', 'errors'], new Set(['index.html']))).toEqual(['index.html', 'kittens.html', 'errors.html']);
  });

  it('puts the groups of a page in a subfolder in that subfolder', () => {
    expect(groupPaths('v3/index.html', ['intro', 'kittens'], new Set())).toEqual(['v3/index.html', 'v3/kittens.html']);
    expect(groupPaths('v3/api.html', ['intro', 'kittens'], new Set())).toEqual(['v3/api.html', 'v3/api-kittens.html']);
  });

  it('names the groups of a page other than its folder index after the page too, so two pages with the same h1s never share a path', () => {
    const taken = new Set(['index.html', 'v1.html', 'v2.html']);
    const v1 = groupPaths('v1.html', ['intro', 'coupons', 'orders'], taken);
    const v2 = groupPaths('v2.html', ['intro', 'coupons', 'orders'], taken);
    expect(v1).toEqual(['v1.html', 'v1-coupons.html', 'v1-orders.html']);
    expect(v2).toEqual(['v2.html', 'v2-coupons.html', 'v2-orders.html']);
  });

  it('never takes the path of another page of the site', () => {
    expect(groupPaths('index.html', ['intro', 'v2', 'errors'], new Set(['index.html', 'v2.html', 'errors.html']))).toEqual([
      'index.html',
      'v2-2.html',
      'errors-2.html',
    ]);
  });

  it('only avoids other pages in the same folder', () => {
    expect(groupPaths('v3/index.html', ['intro', 'kittens'], new Set(['kittens.html']))).toEqual(['v3/index.html', 'v3/kittens.html']);
  });

  it('never gives two groups the same path', () => {
    // `errors-2` is taken by the third group's own id, so the second "errors" group must not take it.
    expect(groupPaths('index.html', ['intro', 'errors', 'errors-2', 'errors'], new Set())).toEqual([
      'index.html',
      'errors.html',
      'errors-2.html',
      'errors-3.html',
    ]);
  });

  it('never names a group after the page it was split from', () => {
    // An h1 with the id `index` must not overwrite the first page.
    expect(groupPaths('index.html', ['intro', 'index'], new Set())).toEqual(['index.html', 'index-2.html']);
  });
});

describe('file names from ids written in raw HTML', () => {
  it('keeps a page inside its folder whatever the id of its h1', () => {
    expect(groupPaths('v3/index.html', ['intro', '../../etc/passwd', 'a b/c?d#e', '***'], new Set())).toEqual([
      'v3/index.html',
      'v3/etc-passwd.html',
      'v3/a-b-c-d-e.html',
      'v3/part-4.html',
    ]);
  });

  it('treats names that differ only in case as the same file', () => {
    expect(groupPaths('index.html', ['intro', 'Kittens', 'kittens'], new Set(['index.html']))).toEqual(['index.html', 'Kittens.html', 'kittens-2.html']);
    expect(groupPaths('index.html', ['intro', 'errors'], new Set(['Errors.html']))).toEqual(['index.html', 'errors-2.html']);
  });
});

describe('links between the pages of a set', () => {
  it('links to an index page by its folder and to others by their file name', () => {
    expect(siblingHref('index.html')).toBe('./');
    expect(siblingHref('v3/index.html')).toBe('./');
    expect(siblingHref('v3/kittens.html')).toBe('kittens.html');
  });
});
