import fs from 'node:fs';
import type { Element } from 'hast';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, hasStackTrace, reportOf, tempDir, type BuildResult } from './support/build';
import { is, readPage, text, type BuiltPage } from './support/html';

/**
 * A spec named by a page's front matter builds into that page's sections: tests/fixtures/openapi/
 * (a Markdown page naming specs/kennel.yaml), and the same spec named by an MDX page.
 */
const FIXTURE = 'tests/fixtures/openapi';

let build: BuildResult;
let page: BuiltPage;
let mdx: { dir: string; build: BuildResult; page?: BuiltPage };

beforeAll(async () => {
  build = await astroBuild({ content: FIXTURE, outDir: tempDir('openapi-out') });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
  page = readPage(path.join(build.outDir, 'index.html'));

  // The same spec, named by an MDX page: the sections are written as MDX.
  const dir = tempDir('openapi-mdx');
  fs.cpSync(path.join(FIXTURE, 'specs'), path.join(dir, 'specs'), { recursive: true });
  const markdown = fs.readFileSync(path.join(FIXTURE, 'index.md'), 'utf8');
  fs.writeFileSync(path.join(dir, 'index.mdx'), markdown.replace('This guide is prose;', 'This guide is {"MDX"} prose;'));
  const built = await astroBuild({ content: dir, outDir: tempDir('openapi-mdx-out') });
  mdx = { dir, build: built, ...(built.status === 0 ? { page: readPage(path.join(built.outDir, 'index.html')) } : {}) };
});
afterAll(() => [build?.outDir, mdx?.dir, mdx?.build.outDir].forEach((dir) => dir && fs.rmSync(dir, { recursive: true, force: true })));

const sectionOf = (built: BuiltPage, id: string) => built.all((e) => e.tagName === 'section' && built.all((h) => h.properties.id === id, e).length > 0).at(-1)!;

/** An operation's part (its Request body, Responses…): from the part's h3 to the next heading, in the operation's prose. */
function partOf(built: BuiltPage, id: string): Element {
  const prose = built.all((e) => e.tagName === 'div' && built.all((h) => h.properties.id === id, e).length > 0).at(-1)!;
  const children = prose.children.filter((child): child is Element => child.type === 'element');
  const start = children.findIndex((child) => child.properties.id === id);
  const end = children.findIndex((child, index) => index > start && /^h[1-6]$/.test(child.tagName));
  return { type: 'element', tagName: 'div', properties: {}, children: children.slice(start, end < 0 ? undefined : end) };
}

describe('a Markdown page that names a spec', () => {
  it('builds with exactly the warnings its spec deserves, each at its line', () => {
    expect(hasStackTrace(build.stdout + build.stderr)).toBe(false);
    expect(reportOf(build.stdout + build.stderr)).toBe(`⚠ Found 2 warnings in 1 file

${FIXTURE}/specs/kennel.yaml
  ⚠ ${FIXTURE}/specs/kennel.yaml:31  the description at /paths/~1dogs/get/description holds a <script> element; Shale left it out of the page. Fix: remove it from the spec: descriptions may hold Markdown and plain HTML, never script, an inline style or a frame.
  ⚠ ${FIXTURE}/specs/kennel.yaml:123  the code sample in "Elixir" at /paths/~1adoptions/post/x-codeSamples matches no language tab of the page; it is not shown. Fix: add a language tab for it under language_tabs, or give the sample the language of a tab.`);
  });

  it('follows the prose with the reference: description, Authentication, one h1 per tag, one h2 per operation', () => {
    expect(page.toc()).toEqual([
      { entry: 'Kennel guide#kennel-guide', children: ['Rate limits#rate-limits'] },
      { entry: 'Authentication#authentication', children: ['bearer#bearer'] },
      { entry: 'Dogs#dogs', children: ['List dogs#list-dogs', 'Get a dog#get-a-dog', 'Get a dog#get-a-dog-removedog'] },
      { entry: 'Adoptions#adoptions', children: ['Adopt a dog#adopt-a-dog'] },
    ]);
  });

  it('gives every operation a request sample in each tab, and its response examples under every tab', () => {
    const blocks = page.codeBlocks();
    const listDogs = sectionOf(page, 'list-dogs');
    const tabsIn = (section: typeof listDogs) =>
      page.all((e) => e.tagName === 'div' && e.properties.dataTab !== undefined, section).map((e) => String(e.properties.dataTab));
    expect(new Set(tabsIn(listDogs))).toEqual(new Set(['shell', 'ruby', 'python', 'javascript']));
    expect(blocks.filter((block) => block.language === 'json').every((block) => block.tab === '')).toBe(true);
    expect(text(listDogs)).toContain('curl --request GET');
    expect(text(sectionOf(page, 'list-dogs-responses'))).toContain('"name": "Rex O\'Hara"');
    // The writer's own Ruby sample replaces the generated one.
    expect(text(sectionOf(page, 'adopt-a-dog'))).toContain('Kennel::Adoption.create');
  });

  it('keeps the link from the prose to an operation working, and no script from the spec reaches the page', () => {
    const html = fs.readFileSync(path.join(build.outDir, 'index.html'), 'utf8');
    expect(page.all(is('a')).some((a) => a.properties.href === '#adopt-a-dog')).toBe(true);
    expect(html).not.toMatch(/alert\(1\)/);
    expect(text(sectionOf(page, 'list-dogs'))).toContain('Lists dogs, newest first.');
  });

  it("lists a request body's properties, the first two levels open and deeper ones folded in <details>", () => {
    // The operation's parts share its section (its code stacks beside them all).
    expect(sectionOf(page, 'adopt-a-dog-body')).toBe(sectionOf(page, 'adopt-a-dog'));
    const body = partOf(page, 'adopt-a-dog-body');
    const lists = page.all((e) => e.tagName === 'ul' && Array.isArray(e.properties.className) && e.properties.className.includes('properties'), body);
    expect(lists.length).toBe(3);
    const folded = page.all(is('details'), body);
    expect(folded.map((details) => text(page.all(is('summary'), details)[0]!))).toEqual(['2 properties']);
    expect(text(folded[0]!)).toContain('city (string): Where the adopter lives.');
    // readOnly `id` is left out of the request; the adopter's name is one level down, open.
    expect(text(lists[0]!)).toMatch(/^dogId \(integer, required\)\nadopter \(object, required\)\nname \(string\)/);
    expect(page.all(is('details'), lists[1]!).length).toBe(1);
    expect(text(body)).toContain('name (string)');
  });

  it('makes every operation findable: its path and operationId are in its section', () => {
    const section = text(sectionOf(page, 'get-a-dog-removedog'));
    expect(section).toContain('DELETE /dogs/{dogId}');
    expect(section).toContain('removeDog');
    expect(section).toContain('Deprecated.');
  });
});

describe("the reference's Markdown (index.md, llms-full.txt)", () => {
  it('holds every operation: its endpoint, parameters table and a request sample under each language', () => {
    const markdown = fs.readFileSync(path.join(build.outDir, 'index.md'), 'utf8');
    const adopt = markdown.slice(markdown.indexOf('## Adopt a dog'));
    expect(adopt).toMatch(/^## Adopt a dog\n\n`POST \/adoptions` · operation `adoptDog`\n/);
    for (const language of ['shell', 'ruby', 'python', 'javascript']) expect(adopt).toMatch(new RegExp(`\`\`\`${language}\\n`));
    expect(markdown).toContain('## List dogs');
    expect(markdown).toMatch(/\| Name \| In \| Type \| Required \|/);
    expect(fs.readFileSync(path.join(build.outDir, 'llms-full.txt'), 'utf8')).toContain(markdown);
  });
});

describe('an MDX page that names the same spec', () => {
  it('builds, with the same ids and samples', () => {
    expect(mdx.build.status, mdx.build.stdout + mdx.build.stderr).toBe(0);
    expect(mdx.page!.headingIds()).toEqual(page.headingIds());
    expect(text(sectionOf(mdx.page!, 'list-dogs'))).toContain('curl --request GET');
    expect(text(sectionOf(mdx.page!, 'get-a-dog'))).toContain('GET /dogs/{dogId}');
  });
});

describe('the request samples Shale generates', () => {
  it("are marked as generated (search leaves them out), in Markdown and MDX pages alike; the writer's are not", () => {
    for (const built of [page, mdx.page!]) {
      const samples = built
        .all((e) => e.tagName === 'div' && e.properties.dataTab !== undefined, sectionOf(built, 'adopt-a-dog'))
        .map((e) => [String(e.properties.dataTab), e.properties.dataSample ?? 'written']);
      expect(samples).toEqual([
        ['shell', 'generated'],
        ['ruby', 'written'],
        ['python', 'generated'],
        ['javascript', 'generated'],
      ]);
    }
  });
});

describe('a spec alone (SHALE_CONTENT=specs/kennel.yaml)', () => {
  let alone: BuildResult;
  beforeAll(async () => {
    alone = await astroBuild({ content: path.join(FIXTURE, 'specs', 'kennel.yaml'), outDir: tempDir('openapi-alone') });
  });
  afterAll(() => alone?.outDir && fs.rmSync(alone.outDir, { recursive: true, force: true }));

  it("builds a whole site: titled by the spec, Slate's four tabs, its description under an Introduction, search on", () => {
    expect(alone.status, alone.stdout + alone.stderr).toBe(0);
    const built = readPage(path.join(alone.outDir, 'index.html'));
    expect(text(built.all(is('title'), built.tree)[0]!)).toBe('Kennel');
    expect(built.tabs().map((tab) => tab.key)).toEqual(['shell', 'ruby', 'python', 'javascript']);
    expect(built.toc().map((entry) => entry.entry)).toEqual(['Introduction#introduction', 'Authentication#authentication', 'Dogs#dogs', 'Adoptions#adoptions']);
    expect(fs.existsSync(path.join(alone.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  });
});

describe('an MDX guide that pulls in one operation and one tag', () => {
  let guide: { dir: string; build: BuildResult };
  beforeAll(async () => {
    const dir = tempDir('openapi-components');
    fs.cpSync(path.join(FIXTURE, 'specs'), path.join(dir, 'specs'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'index.mdx'),
      [
        '---',
        'title: Guide',
        'language_tabs: [shell, python]',
        '---',
        '',
        '# Adopting',
        '',
        'Before the call.',
        '',
        '<Operation spec="specs/kennel.yaml" id="getDog" />',
        '',
        'After the call: see [it again](#get-a-dog).',
        '',
        '<OpenAPI spec="specs/kennel.yaml" tag="adoptions" />',
        '',
      ].join('\n'),
    );
    guide = { dir, build: await astroBuild({ content: dir, outDir: tempDir('openapi-components-out') }) };
  });
  afterAll(() => [guide?.dir, guide?.build.outDir].forEach((dir) => dir && fs.rmSync(dir, { recursive: true, force: true })));

  it('renders them in place, in the order written, with their samples', () => {
    expect(guide.build.status, guide.build.stdout + guide.build.stderr).toBe(0);
    const built = readPage(path.join(guide.build.outDir, 'index.html'));
    expect(built.headingIds()).toEqual(expect.arrayContaining(['adopting', 'get-a-dog', 'get-a-dog-responses', 'adoptions', 'adopt-a-dog']));
    // getDog keeps the id the whole spec gives it, though removeDog (same summary) is not on the page.
    expect(built.headingIds()).not.toContain('get-a-dog-removedog');
    const order = ['adopting', 'get-a-dog', 'adoptions', 'adopt-a-dog'].map((id) => built.headingIds().indexOf(id));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text(built.main())).toMatch(/Before the call\.[\s\S]*Get a dog[\s\S]*After the call/);
    expect(text(sectionOf(built, 'get-a-dog'))).toContain('import requests');
  });
});
