import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { astroBuild, reportOf, tempDir } from './support/build';

it("builds Shale's own manual (docs/) with no problem at all, searchable, in one page per include's h1 of the TOC", async () => {
  const build = await astroBuild({ content: 'docs', outDir: tempDir('docs') });
  expect(build.status, build.stderr).toBe(0);
  expect(reportOf(build.stdout + build.stderr)).toBeUndefined();
  const html = fs.readFileSync(path.join(build.outDir, 'index.html'), 'utf8');
  expect(html).toContain('<title>Shale manual</title>');
  expect(fs.existsSync(path.join(build.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  const h1s = [...html.matchAll(/class="toc-link toc-h1" href="#([^"]+)"/g)].map((match) => match[1]);
  expect(h1s).toEqual(expect.arrayContaining(['writing-content', 'checks', 'search', 'developing', 'deploying']));
});
