import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, reportOf, tempDir, type BuildResult } from './support/build';
import { is, readPage, text } from './support/html';

/**
 * tests/fixtures/slate-redcarpet-blocks: where Slate's Redcarpet and its layout read a Slate source
 * otherwise than CommonMark would, and Shale builds what Slate built, so deep links keep working.
 */
const FIXTURE = 'tests/fixtures/slate-redcarpet-blocks';
let build: BuildResult;

beforeAll(async () => {
  build = await astroBuild({ content: FIXTURE, outDir: tempDir('redcarpet-blocks') });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
});
afterAll(() => fs.rmSync(build.outDir, { recursive: true, force: true }));

describe('a Slate source read as Redcarpet read it', () => {
  it('keeps a heading line written right under a list item as text of the item, one list, with a warning', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    // Slate's ids: the only "Parameters" heading is the one under Trades, and the link goes there.
    expect(page.headingIds()).toEqual(['orders', 'trades', 'parameters', 'errors', 'http-request', 'get-a-kitten', 'steps']);
    const lists = page.all(is('ul'), page.main());
    expect(lists).toHaveLength(1);
    expect(page.all(is('li'), lists[0]).map((item) => text(item).replace(/\s+/g, ' ').trim())).toEqual([
      'signature is case-insensitive ### Parameters',
      'timestamp is required',
    ]);
    expect(reportOf(build.stdout)).toBe(`⚠ Found 1 warning in 1 file

${FIXTURE}/index.html.md
  ⚠ ${FIXTURE}/index.html.md:10  "### Parameters" is written right under a list item, with no blank line between, so Slate read it as text of the item, not a heading; Shale shows it as Slate did. Fix: put a blank line before it to make it a heading (later headings with the same text then get other ids: check the links to them).`);
  });

  it("lists an h3 directly under an h1 in the table of contents, beside the h1's h2s, as Slate's layout did", () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    expect(page.toc()).toEqual([
      { entry: 'Orders#orders', children: [] },
      { entry: 'Trades#trades', children: ['Parameters#parameters'] },
      { entry: 'Errors#errors', children: ['HTTP Request#http-request', 'Get a Kitten#get-a-kitten'] },
      { entry: 'Steps#steps', children: [] },
    ]);
  });

  it('keeps `1)` steps as paragraphs, as Redcarpet did (only `1.` starts its ordered lists)', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    expect(page.all(is('ol'), page.main())).toHaveLength(0);
    expect(page.all(is('p'), page.main()).map((p) => text(p))).toEqual(expect.arrayContaining(['1) Set the method:', '2) Set the URI']));
  });
});
