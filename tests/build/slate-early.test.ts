import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, reportOf, tempDir, type BuildResult } from './support/build';
import { readPage } from './support/html';

/**
 * tests/fixtures/slate-early is a Slate source as Slate's first versions (2013–14) made them, and as
 * Mautic's developer docs still build: the page is `source/index.md`, beside Slate's
 * `layouts/layout.erb`, under a config.rb that renders with Redcarpet. It is Slate's format, not
 * Shale's own: Slate's ids, its reading of Markdown and its leniency.
 */
const FIXTURE = 'tests/fixtures/slate-early';
const outDirs: string[] = [];
let build: BuildResult;

const buildOf = async (content: string) => {
  const outDir = tempDir('slate-early');
  outDirs.push(outDir);
  return astroBuild({ content, outDir });
};

beforeAll(async () => {
  build = await buildOf(`${FIXTURE}/source`);
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
});
afterAll(() => outDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('an early Slate source, whose page is index.md', () => {
  it("gives its headings Redcarpet's ids (its config.rb sets with_toc_data), reads ##Title as Slate did, and warns of a broken link", () => {
    const index = readPage(path.join(build.outDir, 'index.html'));
    expect(index.headingIds()).toEqual(['introdu-o', 'authentication', 'categorias', 'informa-es-da-categoria']);
    expect(reportOf(build.stdout)).toBe(`⚠ Found 1 warning in 1 file

${FIXTURE}/source/includes/_categorias.md
  ⚠ ${FIXTURE}/source/includes/_categorias.md:9  link "#gone" points to no id on this page. Fix: link to the id of a heading on this page.`);
  });

  it("is Slate's format by its layout alone, with Slate's renderer's ids when no config.rb says otherwise", async () => {
    const copy = tempDir('slate-early-source');
    outDirs.push(copy);
    fs.cpSync(`${FIXTURE}/source`, copy, { recursive: true });
    const result = await buildOf(copy);
    expect(result.status).toBe(0);
    expect(readPage(path.join(result.outDir, 'index.html')).headingIds()).toEqual(['introducao', 'authentication', 'categorias', 'informacoes-da-categoria']);
  });

  it('is one whose page is index.md.erb too', async () => {
    const copy = tempDir('slate-early-erb');
    outDirs.push(copy);
    fs.cpSync(FIXTURE, copy, { recursive: true });
    fs.renameSync(path.join(copy, 'source', 'index.md'), path.join(copy, 'source', 'index.md.erb'));
    const result = await buildOf(path.join(copy, 'source'));
    expect(result.status).toBe(0);
    expect(readPage(path.join(result.outDir, 'index.html')).headingIds()).toEqual(['introdu-o', 'authentication', 'categorias', 'informa-es-da-categoria']);
  });

  it("is Shale's own format without Slate's layout or config.rb: the broken links are errors", async () => {
    const copy = tempDir('slate-early-plain');
    outDirs.push(copy);
    fs.cpSync(`${FIXTURE}/source`, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'layouts'), { recursive: true });
    const result = await buildOf(copy);
    expect(result.status).toBe(1);
    expect(reportOf(result.stdout + result.stderr)).toMatch(/^✗ Found 2 errors in 2 files/);
  });
});
