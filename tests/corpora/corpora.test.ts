import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, astroBuild, hasStackTrace, reportOf, tempDir, type BuildResult } from '../build/support/build';
import { countBy, hasClass, is, readDocs, text, type BuiltPage } from '../build/support/html';

/**
 * Real Slate sources (SHALE_CORPORA, set by `npm run test:corpora -- <folder>`) build unchanged and
 * render as Slate would. Expected values: Kittn's from the Slate reference (§6); the others counted
 * from each corpus's LICENSE-NOTE.md and by hand in the sources (outside code fences).
 */
const CORPORA = process.env.SHALE_CORPORA;
if (!CORPORA) throw new Error('run the corpus check with: npm run test:corpora -- <folder of Slate sources>');

// The expected warnings are counted one by one: the report lists every one, not ten of a kind per file.
process.env.SHALE_ALL_WARNINGS = '1';

const present = fs.readdirSync(CORPORA).filter((name) => fs.existsSync(path.join(CORPORA, name, 'index.html.md')));
const KNOWN = ['slate-kittn', 'redfish-utility', 'zooniverse-panoptes', 'openmrs-rest'];

interface Built {
  build: BuildResult;
  page: BuiltPage;
  source: string;
}

/** Builds one corpus once for all the tests of its describe block. */
function useCorpus(name: string): () => Built {
  let built: Built | undefined;
  beforeAll(async () => {
    const source = path.join(CORPORA!, name);
    const build = await astroBuild({ content: path.relative(ROOT, source), outDir: tempDir(`corpus-${name}`) });
    if (build.status !== 0) throw new Error(`${name} did not build:\n${build.stdout}\n${build.stderr}`);
    built = { build, source, page: readDocs(build.outDir) };
  });
  afterAll(() => built && fs.rmSync(built.build.outDir, { recursive: true, force: true }));
  return () => built!;
}

const levels = (page: BuiltPage) =>
  countBy(
    page.all((e) => /^h[1-6]$/.test(e.tagName), page.main()),
    (e) => e.tagName,
  );
const inColumn = (page: BuiltPage, column: 'prose' | 'examples', tag: string) =>
  page.all((e) => hasClass(e, column), page.main()).flatMap((c) => page.all(is(tag), c));
const codeCounts = (page: BuiltPage) => countBy(page.codeBlocks(), (b) => `${b.language || '(none)'}→${b.tab || 'every tab'}`);
/** How many places a report line stands for: its own, and those its "(also at lines 3, 9 and 2 more)" names. */
const placesOf = (line: string) => {
  const also = / \(also at lines? ([^)]*)\)/.exec(line)?.[1];
  if (!also) return 1;
  const more = Number(/ and (\d+) more$/.exec(also)?.[1] ?? 0);
  return 1 + (also.replace(/ and \d+ more$/, '').match(/\d+/g)?.length ?? 0) + more;
};
/** Each kind of problem in a report, counted at each place: the message with quoted parts blanked. */
const problemKinds = (report = '') => {
  const kinds: Record<string, number> = {};
  for (const line of report.split('\n').filter((text) => /^ {2}[✗⚠] /.test(text))) {
    const kind = `${line[2]} ${line
      .replace(/^.*?:\d+ {2}/, '')
      .replace(/ Fix: .*$/, '')
      .replace(/ \(also at lines? [^)]*\)/, '')
      .replace(/"[^"]*"/g, '"…"')
      .replace(/code for .* but none for .*\./, 'code for … but none for ….')}`;
    kinds[kind] = (kinds[kind] ?? 0) + placesOf(line);
  }
  return kinds;
};

it('finds Slate sources in the corpora folder', () => {
  expect(present.length).toBeGreaterThan(0);
});

describe.runIf(present.includes('slate-kittn'))("slate-kittn: Slate's own Kittn example (reference §6)", () => {
  const corpus = useCorpus('slate-kittn');

  it('builds with no problem at all', () => {
    const { build } = corpus();
    expect(reportOf(build.stdout + build.stderr)).toBeUndefined();
    expect(hasStackTrace(build.stdout + build.stderr)).toBe(false);
  });

  it("gives every heading Slate's id", () => {
    expect(corpus().page.headingIds()).toEqual([
      'introduction',
      'authentication',
      'kittens',
      'get-all-kittens',
      'http-request',
      'query-parameters',
      'get-a-specific-kitten',
      'http-request-2',
      'url-parameters',
      'delete-a-specific-kitten',
      'http-request-3',
      'url-parameters-2',
      'errors',
    ]);
  });

  it('has the TOC: Introduction · Authentication · Kittens › three endpoints · Errors', () => {
    expect(corpus().page.toc()).toEqual([
      { entry: 'Introduction#introduction', children: [] },
      { entry: 'Authentication#authentication', children: [] },
      {
        entry: 'Kittens#kittens',
        children: ['Get All Kittens#get-all-kittens', 'Get a Specific Kitten#get-a-specific-kitten', 'Delete a Specific Kitten#delete-a-specific-kitten'],
      },
      { entry: 'Errors#errors', children: [] },
    ]);
  });

  it('has 19 fences: 4 under each of the 4 tabs (ruby first in each group) and 3 json under every tab', () => {
    const { page } = corpus();
    expect(page.tabs()).toEqual(['shell', 'ruby', 'python', 'javascript'].map((key) => ({ key, label: key })));
    expect(codeCounts(page)).toEqual({ 'ruby→ruby': 4, 'python→python': 4, 'shell→shell': 4, 'javascript→javascript': 4, 'json→every tab': 3 });
    expect(
      page
        .codeBlocks()
        .slice(0, 4)
        .map((b) => b.tab),
    ).toEqual(['ruby', 'python', 'shell', 'javascript']);
    // With shell active: 4 shell blocks and the 3 json blocks.
    expect(page.codeBlocks().filter((b) => b.tab === 'shell' || b.tab === '')).toHaveLength(7);
  });

  it('puts the 5 blockquotes in the code column and the 4 asides and 4 tables in the prose', () => {
    const { page } = corpus();
    expect(inColumn(page, 'examples', 'blockquote')).toHaveLength(5);
    expect(inColumn(page, 'prose', 'blockquote')).toHaveLength(0);
    expect(countBy(inColumn(page, 'prose', 'aside'), (e) => String(e.properties.className))).toEqual({ notice: 2, success: 1, warning: 1 });
    expect(inColumn(page, 'prose', 'table')).toHaveLength(4);
  });

  it('keeps the title, the two toc_footers and the meta description', () => {
    const { page } = corpus();
    expect(text(page.all(is('title'))[0]!)).toBe('API Reference');
    expect(
      page
        .all((e) => e.tagName === 'ul' && hasClass(e, 'toc-footer'))
        .flatMap((ul) => page.all(is('a'), ul))
        .map(text),
    ).toEqual(['Sign Up for a Developer Key', 'Documentation Powered by Slate']);
    expect(page.all((e) => e.tagName === 'meta' && e.properties.name === 'description').map((e) => e.properties.content)).toEqual([
      'Documentation for the Kittn API',
    ]);
  });
});

describe.runIf(present.includes('redfish-utility'))('redfish-utility: the small corpus (front matter only, all content in includes)', () => {
  const corpus = useCorpus('redfish-utility');

  it('builds with no problem at all', () => {
    expect(reportOf(corpus().build.stdout + corpus().build.stderr)).toBeUndefined();
  });

  it('has 7 h1, 8 h2, 26 h3 (and 98 h4), each with a unique Slate id', () => {
    const { page } = corpus();
    expect(levels(page)).toEqual({ h1: 7, h2: 8, h3: 26, h4: 98 });
    const ids = page.headingIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 9)).toEqual([
      'overview',
      'installation',
      'requirements',
      'installing-the-redfish-utility',
      'windows',
      'linux',
      'starting-the-redfish-utility',
      'windows-2',
      'linux-2',
    ]);
  });

  it('has a TOC of the 7 h1 and 8 h2', () => {
    const toc = corpus().page.toc();
    expect(toc.map((group) => group.entry.split('#')[0])).toEqual([
      'Overview',
      'Installation',
      'Using the Redfish Utility',
      'Commands for the Redfish Utility',
      'Script Examples',
      'Resources',
      'Error Codes',
    ]);
    expect(toc.flatMap((group) => group.children)).toHaveLength(8);
  });

  it('has the one display-name tab and 55 fences under every tab (49 without a language, 6 json)', () => {
    const { page } = corpus();
    expect(page.tabs()).toEqual([{ key: 'shell', label: 'Shell' }]);
    expect(codeCounts(page)).toEqual({ '(none)→every tab': 49, 'json→every tab': 6 });
  });

  it('keeps the 22 asides (18 notice, 4 warning) and 2 tables in the prose, the notes in the code column', () => {
    const { page } = corpus();
    expect(countBy(inColumn(page, 'prose', 'aside'), (e) => String(e.properties.className))).toEqual({ notice: 18, warning: 4 });
    expect(inColumn(page, 'prose', 'table')).toHaveLength(2);
    expect(inColumn(page, 'examples', 'blockquote')).toHaveLength(70);
    expect(inColumn(page, 'prose', 'blockquote')).toHaveLength(0);
  });

  it('serves its 2 images at the paths the Markdown uses, titles kept', () => {
    const { page, build, source } = corpus();
    const images = page.all(is('img'), page.main());
    expect(images.map((img) => [img.properties.src, img.properties.title])).toEqual([
      ['/images/InteractiveMode_1.png', 'Interactive Mode'],
      ['/images/FileBasedMode_1.png', 'File Based Mode example'],
    ]);
    for (const file of ['InteractiveMode_1.png', 'FileBasedMode_1.png']) {
      expect(fs.readFileSync(path.join(build.outDir, 'images', file))).toEqual(fs.readFileSync(path.join(source, 'images', file)));
    }
  });

  it('keeps the toc_footers entries, the plain-text one with its non-ASCII sign', () => {
    const { page } = corpus();
    const items = page.all((e) => e.tagName === 'ul' && hasClass(e, 'toc-footer')).flatMap((ul) => page.all(is('li'), ul));
    expect(items.map(text)).toEqual(['Distributed Management Task Force, Inc.', 'Copyright © 2016']);
  });
});

describe.runIf(present.includes('zooniverse-panoptes'))('zooniverse-panoptes: the medium corpus (27 includes, root-absolute images)', () => {
  const corpus = useCorpus('zooniverse-panoptes');

  it('builds, warning only about sections with code in some tab languages but not all, and two lists Slate showed as text', () => {
    const { build } = corpus();
    expect(problemKinds(reportOf(build.stdout + build.stderr))).toEqual({
      '⚠ section "…" has code for … but none for ….': 126,
      // "Some common failure modes:" then "1. …" on the next line: one paragraph in Redcarpet.
      '⚠ the list item "…" starts right under a line of text, with no blank line between, so Slate showed the list as text of that paragraph, its markers as written; Shale shows the list.': 2,
    });
  });

  it('has 28 h1, 140 h2, 19 h3 with unique ids, and a TOC of the h1 and h2, and of the 5 h3 right under an h1 (as Slate lists them)', () => {
    const { page } = corpus();
    expect(levels(page)).toEqual({ h1: 28, h2: 140, h3: 19 });
    const ids = page.headingIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 3)).toEqual(['introduction', 'authentication', 'how-do-i-authenticate-with-the-zooniverse-api']);
    const toc = page.toc();
    expect(toc).toHaveLength(28);
    expect(toc.flatMap((group) => group.children)).toHaveLength(145);
    expect(toc.find((group) => group.entry === 'Projects#projects')?.children[0]).toBe('Project Links#project-links');
  });

  it('has 4 tabs: 138 http, 1 python, 1 ruby, no javascript fence; 37 json and 1 csv under every tab', () => {
    const { page } = corpus();
    expect(page.tabs().map((tab) => tab.key)).toEqual(['http', 'python', 'javascript', 'ruby']);
    expect(codeCounts(page)).toEqual({ 'http→http': 138, 'python→python': 1, 'ruby→ruby': 1, 'json→every tab': 37, 'csv→every tab': 1 });
  });

  it('keeps 6 notice asides and 23 tables in the prose', () => {
    const { page } = corpus();
    expect(countBy(inColumn(page, 'prose', 'aside'), (e) => String(e.properties.className))).toEqual({ notice: 6 });
    expect(inColumn(page, 'prose', 'table')).toHaveLength(23);
  });

  it('serves its 8 root-absolute images', () => {
    const { page, build } = corpus();
    const sources = page.all(is('img'), page.main()).map((img) => String(img.properties.src));
    expect(sources).toHaveLength(8);
    for (const src of sources) {
      expect(src).toMatch(/^\/images\/authentication\/\w+\.png$/);
      expect(fs.existsSync(path.join(build.outDir, src))).toBe(true);
    }
  });
});

describe.runIf(present.includes('openmrs-rest'))('openmrs-rest: the large corpus (61 includes in subfolders, no underscores)', () => {
  const corpus = useCorpus('openmrs-rest');

  it("builds, warning only about what Slate let through and sections missing a tab's code", () => {
    const { build } = corpus();
    expect(problemKinds(reportOf(build.stdout + build.stderr))).toEqual({
      '⚠ code fence language "…" is unknown; it is shown as plain text, as in Slate.': 76, // 74 response, 1 stubs, 1 response**
      '⚠ link "…" points to no id on this page.': 38,
      '⚠ section "…" has code for … but none for ….': 3,
      // "> List Stop Words" then a fence on the next line: inline code of the quote in Redcarpet.
      '⚠ the code fence ```shell starts right under a line of text, with no blank line between, so Slate showed it as inline text of that paragraph (or block quote); Shale shows the code block.': 2,
    });
  });

  it('is split into one page per h1 (its HTML passes 500 KB), a group over 120 KB continuing on pages of its own, each page listing every h1 in its TOC', () => {
    const { build } = corpus();
    // The site's pages: 404.html starts with an h1 of its own ("Page not found").
    const pages = fs.readdirSync(build.outDir).filter((file) => file.endsWith('.html') && file !== '404.html');
    const html = pages.map((file) => fs.readFileSync(path.join(build.outDir, file), 'utf8'));
    // The first section of the page (after the page's Copy page and Markdown links) starts with an h1.
    const startsWithH1 = html.filter((text) =>
      /<main[^>]*>\s*(?:<div class="page-actions">[\s\S]*?<\/div>\s*)?<section[^>]*>\s*<div class="prose">\s*<h1/.test(text),
    );
    expect(startsWithH1).toHaveLength(63);
    expect(pages.length).toBeGreaterThan(63);
    for (const text of html) expect(text.match(/class="toc-link toc-h1"/g)).toHaveLength(63);
  });

  it('finds all 61 includes (trailing spaces, subfolders, no underscore) in order', () => {
    const toc = corpus().page.toc();
    expect(toc).toHaveLength(63);
    expect(toc.slice(0, 5).map((group) => group.entry)).toEqual([
      'OpenMRS REST API#openmrs-rest-api',
      'Getting Started#getting-started',
      'Terms#terms',
      'Authentication#authentication',
      'User#user',
    ]);
  });

  // Four `    ### …` lines indented under a paragraph, not an item, are text: Redcarpet read no indented block there.
  it('has 63 h1, 452 h2, 253 h3 (74 of them in list items) and 15 h4, with unique ids; the TOC has the 452 h2', () => {
    const { page } = corpus();
    expect(levels(page)).toEqual({ h1: 63, h2: 452, h3: 253, h4: 15 });
    const ids = page.headingIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(page.toc().flatMap((group) => group.children)).toHaveLength(452);
  });

  it('puts 327 shell, 324 java and 323 javascript fences under their tabs, and response/console fences under every tab', () => {
    const { page } = corpus();
    expect(page.tabs().map((tab) => tab.key)).toEqual(['shell', 'java', 'javascript']);
    expect(codeCounts(page)).toEqual({
      'shell→shell': 327,
      'java→java': 324,
      'javascript→javascript': 323,
      'response→every tab': 74,
      'console→every tab': 10,
      'stubs→every tab': 1,
      'response**→every tab': 1,
    });
  });

  it('puts its 391 blockquotes in the code column and its tables in the prose', () => {
    const { page } = corpus();
    expect(inColumn(page, 'examples', 'blockquote')).toHaveLength(391);
    expect(inColumn(page, 'prose', 'table')).toHaveLength(214);
  });
});

const others = present.filter((name) => !KNOWN.includes(name));
describe.runIf(others.length > 0)('other Slate sources in the folder', () => {
  for (const name of others) {
    describe(name, () => {
      const corpus = useCorpus(name);
      it('builds without errors or a stack trace', () => {
        const output = corpus().build.stdout + corpus().build.stderr;
        expect(hasStackTrace(output)).toBe(false);
        expect(corpus().page.headingIds().length).toBeGreaterThan(0);
      });
    });
  }
});
