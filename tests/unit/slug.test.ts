import { describe, expect, it } from 'vitest';
import { allocateIds, escapeLikeRedcarpet, parameterize, slateBaseId } from '../../src/content/slug';

describe('Slate heading ids', () => {
  it('parameterizes heading text as ActiveSupport does', () => {
    expect(parameterize('Get All Kittens')).toBe('get-all-kittens');
    expect(parameterize('  Leading and trailing  ')).toBe('leading-and-trailing');
    expect(parameterize('access_token')).toBe('access_token');
    expect(parameterize('Über Straße')).toBe('uber-strasse');
    expect(parameterize('Crème brûlée')).toBe('creme-brulee');
  });

  it('keeps the escaped entities Redcarpet hands over, as Slate does', () => {
    expect(slateBaseId(escapeLikeRedcarpet('Get Restaurant & Dependencies'))).toBe('get-restaurant-amp-dependencies');
    expect(slateBaseId(escapeLikeRedcarpet("User's Guide"))).toBe('user-39-s-guide');
  });

  it('strips tags before parameterizing', () => {
    expect(slateBaseId('The <code>client_id</code> field')).toBe('the-client_id-field');
  });

  it('falls back to the first 10 hex digits of SHA1 when nothing is left', () => {
    // `printf 日本語 | sha1sum` → c12140a0ffb4e56481b4fe0a7a25040c2eafa9ca
    expect(slateBaseId('日本語')).toBe('c12140a0ff');
  });

  it('numbers repeats in one file -2, -3 like Slate', () => {
    const ids = allocateIds(['http-request', 'http-request', 'http-request'].map((base) => ({ file: 'a.md', base })));
    expect(ids).toEqual(['http-request', 'http-request-2', 'http-request-3']);
  });

  it('keeps ids unique across files where Slate repeated them, without renaming ids Slate made unique', () => {
    const ids = allocateIds([
      { file: 'index.md', base: 'errors' },
      { file: '_a.md', base: 'errors' },
      { file: '_a.md', base: 'errors' },
    ]);
    // Slate: errors, errors (collision), errors-2. The colliding one moves to the next free suffix.
    expect(ids).toEqual(['errors', 'errors-3', 'errors-2']);
  });

  it('avoids the Foo, Foo, Foo 2 collision Slate had', () => {
    const ids = allocateIds(['foo', 'foo', 'foo-2'].map((base) => ({ file: 'a.md', base })));
    expect(new Set(ids).size).toBe(3);
    expect(ids.slice(0, 2)).toEqual(['foo', 'foo-2']);
  });

  it('keeps ids the writer fixed in raw HTML', () => {
    expect(allocateIds([{ file: 'a.md', base: 'x', fixed: 'custom' }])).toEqual(['custom']);
  });
});
