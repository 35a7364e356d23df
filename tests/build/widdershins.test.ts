import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import widdershins from 'widdershins';
import { checkFolder } from '../support/render';
import { formatReport } from '../../src/validation/report';
import { astroBuild, hasStackTrace, reportOf, tempDir, type BuildResult } from './support/build';
import { countBy, hasClass, is, readPage, text, type BuiltPage } from './support/html';

/**
 * Widdershins turns OpenAPI into Slate Markdown, quirks included (raw `<h1 id>`s, `<a id>`
 * anchors, asides, Shins-only front-matter keys). Its own petstore OpenAPI 3.0 sample, converted
 * here from the installed package (neither the spec nor the output is kept), must build unchanged.
 */
const require = createRequire(import.meta.url);
const SPEC = path.join(path.dirname(require.resolve('widdershins/package.json')), 'defs', 'petstore3.json');

async function convert(options: Record<string, unknown>): Promise<string> {
  // Widdershins prints every template it compiles; keep the test output readable.
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    return await widdershins.convert(JSON.parse(fs.readFileSync(SPEC, 'utf8')), { codeSamples: true, ...options });
  } finally {
    log.mockRestore();
  }
}

function writeSource(markdown: string): string {
  const dir = tempDir('widdershins');
  fs.writeFileSync(path.join(dir, 'index.html.md'), markdown);
  return dir;
}

let source: string;
let build: BuildResult;
let page: BuiltPage;

beforeAll(async () => {
  const tabs = [{ shell: 'Shell' }, { ruby: 'Ruby' }, { python: 'Python' }, { javascript: 'JavaScript' }];
  source = writeSource(await convert({ language_tabs: tabs }));
  build = await astroBuild({ content: source, outDir: tempDir('widdershins-out') });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
  page = readPage(path.join(build.outDir, 'index.html'));
});
afterAll(() => [source, build?.outDir].forEach((dir) => dir && fs.rmSync(dir, { recursive: true, force: true })));

describe("Widdershins' petstore (OpenAPI 3.0) with tabs shell, ruby, python, javascript", () => {
  it('builds without a single problem', () => {
    expect(hasStackTrace(build.stdout + build.stderr)).toBe(false);
    expect(reportOf(build.stdout + build.stderr)).toBeUndefined();
  });

  it('keeps the ids Widdershins wrote and gives Markdown headings Slate ids', () => {
    const ids = page.headingIds();
    expect(ids.slice(0, 6)).toEqual(['swagger-petstore', 'authentication', 'swagger-petstore-pet', 'addpet', 'addpet-parameters', 'addpet-responses']);
    expect(ids).toContain('tocS_Pet');
    expect(new Set(ids).size).toBe(ids.length);
    // The operation anchors (`<a id="opIdaddPet">`) pass through for deep links.
    expect(page.all((e) => e.tagName === 'a' && e.properties.id === 'opIdaddPet')).toHaveLength(1);
  });

  it("answers to the ids Shins gave too: it lower-cased Widdershins' written ones", () => {
    const aliases = page.all((e) => hasClass(e, 'alias')).map((alias) => alias.properties.id);
    expect(aliases.sort()).toEqual(['tocs_apiresponse', 'tocs_category', 'tocs_order', 'tocs_pet', 'tocs_tag', 'tocs_user']);
    const pet = page.all((e) => e.properties.id === 'tocS_Pet')[0]!;
    expect(pet.tagName).toBe('h2');
    expect(pet.children[0]).toMatchObject({ tagName: 'span', properties: { id: 'tocs_pet' } });
  });

  it('lists every tag with its operations in the TOC', () => {
    expect(page.toc().map(({ entry, children }) => [entry, children.length])).toEqual([
      ['Swagger Petstore v1.0.0#swagger-petstore', 0],
      ['Authentication#authentication', 0],
      ['pet#swagger-petstore-pet', 8],
      ['store#swagger-petstore-store', 4],
      ['user#swagger-petstore-user', 8],
      ['Schemas#schemas', 6],
    ]);
    expect(page.toc()[2]!.children[0]).toBe('addPet#addpet');
  });

  it('has the four tabs with their labels and a sample in each language for each of the 20 operations', () => {
    expect(page.tabs()).toEqual([
      { key: 'shell', label: 'Shell' },
      { key: 'ruby', label: 'Ruby' },
      { key: 'python', label: 'Python' },
      { key: 'javascript', label: 'JavaScript' },
    ]);
    expect(countBy(page.codeBlocks(), (block) => `${block.language}→${block.tab || 'every tab'}`)).toEqual({
      'shell→shell': 20,
      'ruby→ruby': 20,
      'python→python': 20,
      'javascript→javascript': 20,
      'json→every tab': 22,
      'xml→every tab': 9,
      'yaml→every tab': 2,
    });
  });

  it('highlights the code and keeps asides and tables in the prose', () => {
    const [shell] = page.all((e) => hasClass(e, 'code-block') && e.properties.dataTab === 'shell');
    expect(page.all(is('span'), shell!).length).toBeGreaterThan(0);
    expect(text(shell!)).toContain('curl -X POST http://petstore.swagger.io/v2/pet');
    const prose = page.all((e) => hasClass(e, 'prose'), page.main());
    expect(
      countBy(
        prose.flatMap((column) => page.all(is('aside'), column)),
        (aside) => String(aside.properties.className),
      ),
    ).toEqual({ warning: 9, success: 11 });
    expect(prose.flatMap((column) => page.all(is('table'), column)).length).toBeGreaterThan(20);
  });
});

describe("Widdershins' other tabs: http and a lang--suffix tab (javascript--nodejs)", () => {
  it('pass the checks with no problem', async () => {
    const tabs = [{ http: 'HTTP' }, { javascript: 'JavaScript' }, { 'javascript--nodejs': 'Node.JS' }, { go: 'Go' }];
    const markdown = await convert({ language_tabs: tabs });
    expect(markdown).toContain('```javascript--nodejs');
    expect(markdown).toContain('```http');
    const dir = writeSource(markdown);
    try {
      const { problems } = await checkFolder(dir);
      expect(formatReport(problems, dir)).toBe('');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
