import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableIncludes, includeCandidates, resolveInclude } from '../../src/content/includes';
import { loadSite } from '../../src/content/site';
import { slateLayoutIncludes } from '../../src/content/slate-layout';
import { tempContent } from '../support/temp-content';

describe('include resolution', () => {
  it('tries _NAME before NAME, in the page format first', () => {
    const names = includeCandidates('/c/includes', 'errors', 'md').map((file) => path.relative('/c/includes', file));
    expect(names).toEqual(['_errors.md', 'errors.md', '_errors.md.erb', 'errors.md.erb', '_errors.mdx', 'errors.mdx']);
  });

  it('takes a name that ends in an extension as the file it names (includes: [index.md.erb])', () => {
    const names = includeCandidates('/c/includes', 'index.md.erb', 'md').map((file) => path.relative('/c/includes', file));
    expect(names).toEqual(['_index.md.erb', 'index.md.erb']);
  });

  it('keeps folders and trims names (api/x → includes/api/_x.md)', () => {
    const [first] = includeCandidates('/c/includes', ' api/search  ', 'md');
    expect(first).toBe('/c/includes/api/_search.md');
  });

  it('finds an include without the underscore (OpenMRS style) and reports an ambiguity', () => {
    const dir = tempContent({ 'includes/User/user.md': '# U', 'includes/_x.md': '# X', 'includes/x.md': '# X2' });
    expect(resolveInclude(path.join(dir, 'includes'), 'User/user', 'md').found).toBe(path.join(dir, 'includes/User/user.md'));
    expect(resolveInclude(path.join(dir, 'includes'), 'x', 'md')).toEqual({
      found: path.join(dir, 'includes/_x.md'),
      alsoFound: [path.join(dir, 'includes/x.md')],
    });
    expect(availableIncludes(path.join(dir, 'includes'))).toEqual(['User/user', 'x']);
  });
});

describe('assembling a page', () => {
  it('appends includes after the body in the listed order', () => {
    const dir = tempContent({
      'index.html.md': '---\nincludes:\n  - b\n  - a\n---\n# Body\n',
      'includes/_a.md': '# A\n',
      'includes/_b.md': '# B\n',
    });
    const { pages, problems } = loadSite(dir);
    expect(problems).toEqual([]);
    expect(pages[0]!.parts.map((part) => part.body.trim())).toEqual(['# Body', '# B', '# A']);
  });

  it('names a missing include at its front-matter line and lists those that exist', () => {
    const dir = tempContent({ 'index.md': '---\nincludes:\n  - errors\n  - nope\n---\n', 'includes/_errors.md': '# E\n' });
    const { problems } = loadSite(dir);
    expect(problems).toEqual([
      expect.objectContaining({
        file: path.join(dir, 'index.md'),
        line: 4,
        message: 'include "nope" does not exist.',
        fix: 'create includes/_nope.md, or use one of: errors.',
      }),
    ]);
  });

  it('names the nearest few of many includes, the folder of that name first', () => {
    const names = [
      'overview/index',
      'overview/sort',
      'overview/facets',
      'search/index',
      'products/index',
      'products/images',
      'stores/index',
      'commerce/index',
      'categories/index',
    ];
    const dir = tempContent({
      'index.md': '---\nincludes:\n  - overview\n  - zzz\n---\n',
      ...Object.fromEntries(names.map((name) => [`includes/${name.replace(/([^/]+)$/, '_$1')}.md`, '# X\n'])),
    });
    expect(loadSite(dir).problems.map((found) => found.fix)).toEqual([
      'create includes/_overview.md, or use the nearest of the 9 includes there are: overview/index, overview/facets, overview/sort.',
      'create includes/_zzz.md; none of the 9 includes there are is close to "zzz".',
    ]);
  });

  it('follows includes named by an include and refuses a cycle', () => {
    const dir = tempContent({
      'index.md': '---\nincludes:\n  - a\n---\n',
      'includes/_a.md': '---\nincludes:\n  - b\n---\n# A\n',
      'includes/_b.md': '---\nincludes:\n  - a\n---\n# B\n',
    });
    const { pages, problems } = loadSite(dir);
    expect(pages[0]!.parts.map((part) => part.body.trim())).toEqual(['', '# A', '# B']);
    expect(problems).toEqual([expect.objectContaining({ line: 3, message: 'include "a" makes a cycle: _a.md → _b.md → _a.md.' })]);
  });

  it('refuses an include in the other format', () => {
    const dir = tempContent({ 'index.md': '---\nincludes:\n  - a\n---\n', 'includes/_a.mdx': '# A\n' });
    expect(loadSite(dir).problems[0]?.message).toContain('a page and its includes share one format');
  });

  it('refuses a missing folder, an empty folder and a folder without an index page', () => {
    expect(loadSite('/nonexistent/shale').problems[0]?.message).toBe('the content folder does not exist.');
    expect(loadSite(tempContent({})).problems[0]?.message).toBe('the content folder holds no pages.');
    expect(loadSite(tempContent({ 'guide.md': '# G\n' })).problems[0]?.message).toBe('the content folder has no index page.');
  });

  it('builds other Slate pages at their own paths, and only *.html.md in a Slate source', () => {
    const dir = tempContent({ 'index.html.md': '# I\n', 'v2.html.md': '# V2\n', 'v3/index.html.md': '# V3\n', 'LICENSE-NOTE.md': '# not a page\n' });
    expect(loadSite(dir).pages.map((page) => page.outputPath)).toEqual(['index.html', 'v2.html', 'v3/index.html']);
  });

  it('refuses a tab language shiki does not know, naming the nearest', () => {
    const dir = tempContent({ 'index.md': '---\nlanguage_tabs:\n  - shell\n  - rubyy\n---\n' });
    expect(loadSite(dir).problems).toEqual([
      expect.objectContaining({ line: 4, message: 'language tab "rubyy" is not a language shiki knows.', fix: 'use a language shiki knows (nearest: ruby).' }),
    ]);
  });
});

/** Slate's loop over `includes:` (layouts/layout.erb), with the partial path given. */
const SLATE_LOOP = (partial: string) =>
  `<% current_page.data.includes && current_page.data.includes.each do |include| %>\n  <%= partial ${partial} %>\n<% end %>`;

/** A Slate layout of a team's own (layouts/layout.erb) that reads `includes:` its own way. */
const LAYOUT = (reading: string) => `<div class="content">\n  <%= yield %>\n${reading}\n</div>\n`;

describe("a Slate source's own layout", () => {
  it('reads what the layout adds to each name, and whether it reads before and after', () => {
    const read = (layout?: string) => slateLayoutIncludes(tempContent(layout === undefined ? {} : { 'layouts/layout.erb': layout }));
    expect(read()).toEqual({ suffix: '', beforeAfter: false, lists: [] });
    expect(read(LAYOUT(SLATE_LOOP('"includes/#{include}"')))).toEqual({ suffix: '', beforeAfter: false, lists: [] });
    expect(read(LAYOUT(SLATE_LOOP('"includes/#{include}/index"')))).toEqual({
      suffix: '/index',
      beforeAfter: false,
      lists: [],
      file: expect.stringMatching(/layouts\/layout.erb$/),
    });
    expect(read(LAYOUT(SLATE_LOOP("'includes/#{include}.md'")))).toEqual({ suffix: '', beforeAfter: false, lists: [] });
    expect(
      read(
        LAYOUT('<% before = includes.before.map { |i| partial("includes/#{i}") }.join; after = includes.after.map { |i| partial("includes/#{i}") }.join %>'),
      ),
    ).toEqual({
      suffix: '',
      beforeAfter: true,
      lists: [],
      file: expect.stringMatching(/layouts\/layout.erb$/),
    });
  });

  it("reads other lists the layout renders as partials, in the layout's order (Overloop's includes_main:, Basis Theory's intro_includes:)", () => {
    const layout = LAYOUT(
      [
        '<% current_page.data.includes && current_page.data.includes.each do |include| %><%= partial "includes/#{include}" %><% end %>',
        '<h1 id="main-api">API Endpoints</h1>',
        '<% current_page.data.includes_main && current_page.data.includes_main.each do |include| %>',
        '  <%= partial "includes_main/#{include}" %>',
        '<% end %>',
        '<% current_page.data.guides.map { |guide| partial("./includes/guides/#{guide}/index") }.join %>',
        '<% current_page.data.meta.each do |meta| %><meta <%= meta.map { |key, value| "#{key}=\'#{value}\'" }.join(" ") %>><% end %>',
      ].join('\n'),
    );
    const dir = tempContent({
      'index.html.md': '---\nincludes:\n  - intro\nincludes_main:\n  - pets\n  - gone\nguides:\n  - start\n---\n# Body\n',
      'layouts/layout.erb': layout,
      'includes/_intro.md': '# Intro\n',
      'includes_main/_pets.md': '# Pets\n',
      'includes/guides/start/_index.md': '# Start\n',
    });
    expect(slateLayoutIncludes(dir).lists).toEqual([
      { key: 'includes_main', folder: 'includes_main', suffix: '' },
      { key: 'guides', folder: 'includes/guides', suffix: '/index' },
    ]);
    const { pages, problems } = loadSite(dir);
    expect(pages[0]!.parts.map((part) => part.body.trim())).toEqual(['# Body', '# Intro', '# Pets', '# Start']);
    expect(problems).toEqual([
      expect.objectContaining({ line: 6, message: 'include "gone" does not exist.', fix: 'create includes_main/_gone.md, or use one of: pets.' }),
    ]);
  });

  it("looks each include up in a folder of its name when the layout does (Best Buy's)", () => {
    const dir = tempContent({
      'index.html.md': '---\nincludes:\n  - overview\n  - missing\n---\n# Body\n',
      'layouts/layout.erb': LAYOUT(SLATE_LOOP('"includes/#{include}/index"')),
      'includes/overview/_index.md.erb': '# Overview\n',
    });
    const { pages, problems } = loadSite(dir);
    expect(pages[0]!.parts.map((part) => part.body.trim())).toEqual(['# Body', '# Overview']);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 4,
        message: 'include "missing" does not exist.',
        fix: 'create includes/missing/_index.md (the Slate layout adds "/index" to each name), or use one of: overview.',
      }),
    ]);
  });

  it("puts `includes: { before, after }` around the body when the layout reads them (Booking Experts'), naming each entry's line", () => {
    const files = {
      'index.html.md': '---\nincludes:\n  after:\n    - notes\n    - gone\n  before:\n    - overview\n---\n# Body\n',
      'includes/_overview.md': '# Overview\n',
      'includes/_notes.md': '# Notes\n',
    };
    const dir = tempContent({
      ...files,
      'layouts/layout.erb': LAYOUT(
        '<% page_content = includes.before.map { |i| partial("includes/#{i}") }.join + yield + includes.after.map { |i| partial("includes/#{i}") }.join %>',
      ),
    });
    const { pages, problems } = loadSite(dir);
    expect(pages[0]!.parts.map((part) => part.body.trim())).toEqual(['# Overview', '# Body', '# Notes']);
    expect(problems).toEqual([expect.objectContaining({ line: 5, message: 'include "gone" does not exist.' })]);
    // Slate's own layout reads a list: the map is refused, as Slate would have failed on it.
    expect(loadSite(tempContent(files)).problems).toEqual([expect.objectContaining({ line: 3, message: 'includes: Expected array, received object.' })]);
  });
});
