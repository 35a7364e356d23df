import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, hasStackTrace, reportOf, tempDir, type BuildResult } from './support/build';
import { is, readPage, text, type BuiltPage } from './support/html';

/**
 * tests/fixtures/slate-erb is a Slate source whose page is ERB (`index.html.md.erb`), as about one
 * public Slate source in four is: partials called between its sections (one of them ERB calling
 * another), an ERB include in `includes:`, image_tag, a comment over two lines and `<%%`, a partial
 * that is no template (a `.json` example called inside a code fence, as Accern's docs do) and a
 * heading with no space after its hashes (`##A dog as JSON`, a heading in Slate's Redcarpet).
 */
const FIXTURE = 'tests/fixtures/slate-erb';
let build: BuildResult;
let index: BuiltPage;

beforeAll(async () => {
  build = await astroBuild({ content: FIXTURE, outDir: tempDir('erb') });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
  index = readPage(path.join(build.outDir, 'index.html'));
});
afterAll(() => fs.rmSync(build.outDir, { recursive: true, force: true }));

describe('a Slate page in ERB builds as Middleman builds it', () => {
  it('reports only the broken links Slate had, at the lines of the files they are in', () => {
    expect(hasStackTrace(build.stdout + build.stderr)).toBe(false);
    expect(reportOf(build.stdout)).toBe(`⚠ Found 3 warnings in 3 files

${FIXTURE}/includes/api/_dog_params.md
  ⚠ ${FIXTURE}/includes/api/_dog_params.md:3  link "#nope" points to no id on this page. Fix: link to the id of a heading on this page.

${FIXTURE}/includes/api/_dogs.md.erb
  ⚠ ${FIXTURE}/includes/api/_dogs.md.erb:13  link "#dog-missing" points to no id on this page. Fix: link to the id of a heading on this page.

${FIXTURE}/index.html.md.erb
  ⚠ ${FIXTURE}/index.html.md.erb:16  link "#nowhere" points to no id on this page. Fix: link to the id of a heading on this page.`);
  });

  it('puts each partial where it is called, and the includes after the page', () => {
    expect(index.headingIds()).toEqual(['introduction', 'kittens', 'get-all-kittens', 'between', 'dogs', 'parameters', 'a-dog-as-json', 'errors']);
    expect(index.toc().map((entry) => entry.entry)).toEqual(['Introduction#introduction', 'Kittens#kittens', 'Between#between', 'Dogs#dogs', 'Errors#errors']);
  });

  it('puts a partial that is no template in as it is, and reads a heading with no space after its hashes as Slate does', () => {
    const json = index.all(is('pre'), index.main()).find((pre) => text(pre).includes('"id"'));
    expect(json && text(json)).toBe('{\n  "id": 7,\n  "name": "Rex <%= not ERB %>"\n}');
    const heading = index.all(is('h2'), index.main()).find((h2) => text(h2) === 'A dog as JSON');
    expect(heading?.properties.id).toBe('a-dog-as-json');
    // The link to it resolves (no warning above), and the line after the JSON kept its number (13).
    expect(index.all(is('a'), index.main()).some((a) => a.properties.href === '#a-dog-as-json')).toBe(true);
  });

  it('writes image_tag as an image from the images folder, and <%% as text', () => {
    const images = index.all(is('img'), index.main()).map((image) => [image.properties.src, image.properties.alt]);
    expect(images).toEqual([
      ['/images/logo.png', 'Logo'],
      ['/images/logo.png', 'Our logo'],
    ]);
    expect(fs.existsSync(path.join(build.outDir, 'images/logo.png'))).toBe(true);
    const codes = index.all(is('code'), index.main()).map((code) => text(code));
    expect(codes).toContain('<%= partial "x" %>');
    // Only the `<%%` example shows ERB: no call, comment or tag is left in the text.
    expect(text(index.main())).not.toMatch(/<%#|a comment over|image_tag|partial[ (]["']includes/);
  });
});
