import { describe, expect, test } from 'vitest';
import { describeOptions, resolveOptions, ShaleOptionsError } from '../../src/engine/options';

describe("shale()'s options", () => {
  test('default to the SHALE_* variables, and to Shale’s own defaults without them', () => {
    expect(resolveOptions({}, {})).toEqual({
      content: 'content',
      base: '/',
      outDir: 'dist',
      searchShardSections: 4000,
      searchReuse: true,
      quickRebuild: true,
      workDir: '.shale',
    });
    const env = {
      SHALE_CONTENT: 'docs',
      SHALE_BASE: 'api/docs',
      SHALE_OUT_DIR: 'out',
      SHALE_SEARCH_SHARD_SECTIONS: '250',
      SHALE_SEARCH_REUSE: 'off',
      SHALE_QUICK_REBUILD: '0',
      SHALE_WORK_DIR: 'tmp/shale',
    };
    expect(resolveOptions({}, env)).toEqual({
      content: 'docs',
      base: '/api/docs/',
      outDir: 'out',
      searchShardSections: 250,
      searchReuse: false,
      quickRebuild: false,
      workDir: 'tmp/shale',
    });
  });

  test('given options win over the variables; an empty variable is unset', () => {
    expect(resolveOptions({ content: 'guides', base: '/v2' }, { SHALE_CONTENT: 'docs', SHALE_BASE: ' ', SHALE_SEARCH_SHARD_SECTIONS: '' })).toMatchObject({
      content: 'guides',
      base: '/v2/',
      searchShardSections: 4000,
    });
  });

  test('refuse a shard size that is not a whole number from 1 up, naming the variable and what to set', () => {
    for (const wrong of ['0', '-1', '2.5', 'many']) {
      expect(() => resolveOptions({}, { SHALE_SEARCH_SHARD_SECTIONS: wrong })).toThrow(
        `SHALE_SEARCH_SHARD_SECTIONS is "${wrong}": set it to a whole number of sections from 1 up, or leave it unset.`,
      );
    }
    expect(() => resolveOptions({ searchShardSections: 0 })).toThrow('shale({ searchShardSections }) is 0: set it to a whole number of sections from 1 up.');
  });

  test('refuse an option Shale does not have, listing the options', () => {
    const attempt = () => resolveOptions({ contnet: 'docs' } as never);
    expect(attempt).toThrow(ShaleOptionsError);
    expect(attempt).toThrow(
      'shale() has no option "contnet": the options are content, base, site, editUrl, outDir, searchShardSections, searchReuse, quickRebuild, workDir.',
    );
  });

  test('describe themselves: each has its variable, its default and a sentence (the manual’s table)', () => {
    const described = describeOptions();
    expect(described.map((option) => option.variable)).toEqual([
      'SHALE_CONTENT',
      'SHALE_BASE',
      'SHALE_SITE',
      'SHALE_EDIT_URL',
      'SHALE_OUT_DIR',
      'SHALE_SEARCH_SHARD_SECTIONS',
      'SHALE_SEARCH_REUSE',
      'SHALE_QUICK_REBUILD',
      'SHALE_WORK_DIR',
    ]);
    for (const option of described) expect(option.description).toMatch(/^[A-Z`].+\.$/);
    expect(described.find((option) => option.option === 'base')?.default).toBe('/');
  });

  test('take the site address as written, without a trailing slash, and refuse one that is not http(s)', () => {
    expect(resolveOptions({}, { SHALE_SITE: 'https://docs.example.com/' }).site).toBe('https://docs.example.com');
    expect(resolveOptions({}, {}).site).toBeUndefined();
    expect(resolveOptions({ editUrl: 'https://github.com/o/r/edit/main/docs' }).editUrl).toBe('https://github.com/o/r/edit/main/docs/');
    expect(() => resolveOptions({}, { SHALE_SITE: 'docs.example.com' })).toThrow(
      'SHALE_SITE is "docs.example.com": set it to an http(s) address, such as https://docs.example.com, or leave it unset.',
    );
  });
});
