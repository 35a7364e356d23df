import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { customHeadingIds, slateRendering } from '../../src/content/slate-renderer';
import { allocateIds, escapeLikeRedcarpet, nestedBases, parameterize, redcarpetAnchor, slate2017BaseId, slateBaseId } from '../../src/content/slug';

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

  it("keep tags' names in the first UniqueHeadCounter's ids (2017), which parameterized the inline HTML whole", () => {
    expect(slate2017BaseId('<code>#training_subject</code>:')).toBe('code-training_subject-code');
    expect(slate2017BaseId(escapeLikeRedcarpet('Get Restaurant & Dependencies'))).toBe('get-restaurant-amp-dependencies');
    // It had no SHA1: Slate's later one, rather than an empty id.
    expect(slate2017BaseId('日本語')).toBe('c12140a0ff');
  });

  it("put the titles above a heading before its own id, as NestingUniqueHeadCounter did, stale levels and tags' names included", () => {
    const heading = (level: number, html: string) => ({ level, base: slateBaseId(html), nestKey: parameterize(html) });
    expect(
      nestedBases([
        heading(1, 'Bills'),
        heading(2, 'Create a Bill'),
        heading(3, 'HTTP Request'),
        heading(1, 'The <code>Collection</code>'),
        // Level 2 is skipped: the h2 seen last still prefixes it.
        heading(3, 'Arguments'),
        // A heading with an id written in HTML (no nestKey: the renderer never saw it) is kept as it is.
        { level: 2, base: 'fixed' },
        heading(2, 'Get'),
      ]),
    ).toEqual([
      'bills',
      'bills-create-a-bill',
      'bills-create-a-bill-http-request',
      'the-collection',
      'the-code-collection-code-create-a-bill-arguments',
      'fixed',
      'the-code-collection-code-get',
    ]);
    // Slate's own renderer: no nesting.
    expect(
      nestedBases([
        { level: 1, base: 'a' },
        { level: 2, base: 'b' },
      ]),
    ).toEqual(['a', 'b']);
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

  it("gives raw-HTML headings without id theirs after Markdown's headings, which keep Slate's ids", () => {
    // <h2>Raw</h2>, ## Raw, ## Next, <h2>Next</h2>, <h2>Only</h2>, ## Raw: Slate gave `raw`, `next`, `raw-2`.
    const ids = allocateIds([
      { file: 'a.md', base: 'raw', raw: true },
      { file: 'a.md', base: 'raw' },
      { file: 'a.md', base: 'next' },
      { file: 'a.md', base: 'next', raw: true },
      { file: 'a.md', base: 'only', raw: true },
      { file: 'a.md', base: 'raw' },
    ]);
    expect(ids).toEqual(['raw-3', 'raw', 'next', 'next-2', 'only', 'raw-2']);
  });
});

describe("Redcarpet's own heading ids (Slate before UniqueHeadCounter: config.rb with with_toc_data and no renderer)", () => {
  const anchor = (text: string) => redcarpetAnchor(escapeLikeRedcarpet(text));

  it("make each run of characters outside ASCII letters and digits one hyphen (CentryCL's links)", () => {
    expect(anchor('Crear una aplicación')).toBe('crear-una-aplicaci-n');
    expect(anchor('Atributos de las imágenes')).toBe('atributos-de-las-im-genes');
    expect(anchor('  -- Hello, World! --  ')).toBe('hello-world');
    expect(anchor('access_token')).toBe('access_token');
  });

  it('skip tags and the entities of escaped text, without a hyphen for them', () => {
    expect(anchor("What's new")).toBe('whats-new');
    expect(anchor('Restaurant & Dependencies')).toBe('restaurant-dependencies');
    expect(redcarpetAnchor('The <code>client_id</code> field')).toBe('the-client_id-field');
  });

  it('are part- and a djb2 hash of the bytes when no ASCII letter or digit is left', () => {
    expect(anchor('日本語')).toMatch(/^part-[0-9a-f]+$/);
    expect(anchor('日本語')).not.toBe(anchor('中文'));
  });
});

describe('which ids a Slate project had, from its config.rb', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const project = (config: string | undefined) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-config-'));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, 'source'));
    if (config !== undefined) fs.writeFileSync(path.join(dir, 'config.rb'), config);
    return path.join(dir, 'source');
  };

  it("are Redcarpet's with with_toc_data and no renderer, SmartyPants with smartypants too; UniqueHeadCounter's otherwise", () => {
    const old = 'set :markdown,\n    fenced_code_blocks: true,\n    smartypants: true,\n    with_toc_data: true,\n    no_intra_emphasis: true\n';
    expect(slateRendering(project(old))).toEqual({ headingIds: 'redcarpet', smartypants: true });
    expect(slateRendering(project('set :markdown, :with_toc_data => true\n'))).toEqual({ headingIds: 'redcarpet', smartypants: false });
    // With a renderer named, Middleman applies none of the other options.
    expect(slateRendering(project(`${old.replace('no_intra_emphasis: true', 'no_intra_emphasis: true,\n    renderer: UniqueHeadCounter')}`))).toEqual({
      headingIds: 'slate',
      smartypants: false,
    });
    // A renderer commented out is none.
    expect(slateRendering(project('set :markdown,\n    with_toc_data: true\n    # renderer: UniqueHeadCounter\n')).headingIds).toBe('redcarpet');
    expect(slateRendering(project(undefined))).toEqual({ headingIds: 'slate', smartypants: false });
  });

  it("are the first UniqueHeadCounter's when the project's lib/unique_head.rb parameterizes the text whole", () => {
    const config = 'set :markdown,\n    fenced_code_blocks: true,\n    renderer: UniqueHeadCounter\n';
    const first =
      'class UniqueHeadCounter < Middleman::Renderers::MiddlemanRedcarpetHTML\n  def header(text, header_level)\n    friendly_text = text.parameterize\n    friendly_text += "-#{1}"\n  end\nend\n';
    const later = first.replace('text.parameterize', 'text.gsub(/<[^>]*>/,"").parameterize');
    const withRenderer = (code: string, renderer = config) => {
      const source = project(renderer);
      fs.mkdirSync(path.join(source, '..', 'lib'));
      fs.writeFileSync(path.join(source, '..', 'lib', 'unique_head.rb'), code);
      return slateRendering(source).headingIds;
    };
    expect(withRenderer(first)).toBe('slate-2017');
    expect(withRenderer(later)).toBe('slate');
    expect(withRenderer(first.replace('friendly_text = text', '# friendly_text = text'))).toBe('slate');
    // Slate's other renderer, whatever unique_head.rb says.
    expect(withRenderer(first, config.replace('UniqueHeadCounter', 'NestingUniqueHeadCounter'))).toBe('nesting');
    expect(slateRendering(project(config)).headingIds).toBe('slate');
  });

  describe("a project's own Ruby that made other ids (customHeadingIds)", () => {
    const config = "require './lib/unique_head.rb'\n\nset :markdown,\n    fenced_code_blocks: true,\n    renderer: UniqueHeadCounter\n";
    // Slate's header method as it was from July 2018 on; the earlier forms differ in the parts replaced below.
    const slate2018 = [
      'class UniqueHeadCounter < Middleman::Renderers::MiddlemanRedcarpetHTML',
      '  def initialize',
      '    super',
      '    @head_count = {}',
      '  end',
      '  def header(text, header_level)',
      '    friendly_text = text.gsub(/<[^>]*>/,"").parameterize',
      '    if friendly_text.strip.length == 0',
      '      # parameterize removed the whole thing',
      '      friendly_text = Digest::SHA1.hexdigest(text)[0,10]',
      '    end',
      '    @head_count[friendly_text] ||= 0',
      '    @head_count[friendly_text] += 1',
      '    if @head_count[friendly_text] > 1',
      '      friendly_text += "-#{@head_count[friendly_text]}"',
      '    end',
      '    return "<h#{header_level} id=\'#{friendly_text}\'>#{text}</h#{header_level}>"',
      '  end',
      'end',
      '',
    ].join('\n');
    const withLib = (files: Record<string, string>, renderer = config) => {
      const source = project(renderer);
      fs.mkdirSync(path.join(source, '..', 'lib'));
      for (const [name, code] of Object.entries(files)) fs.writeFileSync(path.join(source, '..', 'lib', name), code);
      return customHeadingIds(source);
    };
    const sha1 = / {4}if friendly_text.strip.length == 0\n.*\n.*\n {4}end\n/;

    it("finds nothing in the forms Slate shipped (2017's first, tags stripped, the SHA1, a class or global counter)", () => {
      expect(withLib({ 'unique_head.rb': slate2018 })).toBeUndefined();
      expect(withLib({ 'unique_head.rb': slate2018.replace(sha1, '') })).toBeUndefined();
      expect(
        withLib({ 'unique_head.rb': slate2018.replace(sha1, '').replace('text.gsub(/<[^>]*>/,"")', 'text').replaceAll('@head_count', '@@head_count') }),
      ).toBeUndefined();
      expect(withLib({ 'unique_head.rb': slate2018.replace('/<[^>]*>/', '/<[^<]+>/').replaceAll('@head_count', '$head_count') })).toBeUndefined();
      expect(withLib({ 'unique_head.rb': slate2018 }, config.replace('UniqueHeadCounter', 'NestingUniqueHeadCounter'))).toBeUndefined();
      expect(customHeadingIds(project(undefined))).toBeUndefined();
    });

    it('names the header method of a lib/unique_head.rb that reads a custom id, or counts repeats otherwise', () => {
      const custom = slate2018.replace(
        '    friendly_text = text.gsub',
        '    found = /{{id:(?<id>[a-z-]+)}}/.match(text)\n    return "<h#{header_level} id=\'#{found[:id]}\'>#{text}</h#{header_level}>" if found\n    friendly_text = text.gsub',
      );
      expect(withLib({ 'unique_head.rb': custom })).toMatchObject({ line: 6, code: 'the header method of lib/unique_head.rb' });
      expect(withLib({ 'unique_head.rb': slate2018.replace('> 1', '>= 1') })?.line).toBe(6);
    });

    it("names a renderer that is none of Slate's, at its line of config.rb", () => {
      const found = withLib({}, config.replace('UniqueHeadCounter', 'DocsRenderer'));
      expect(found).toMatchObject({ line: 5, code: 'the renderer "DocsRenderer" that config.rb names' });
      expect(found?.file).toMatch(/config\.rb$/);
    });

    it("names a required lib file that redefines header (a module patched into Middleman's renderer)", () => {
      const mods = 'module RedcarpetMods\n  def header(text, level)\n    "<h#{level} id=\'#{text.downcase}\'>#{text}</h#{level}>"\n  end\nend\n';
      const found = withLib({ 'redcarpet_mods.rb': mods }, "require './lib/redcarpet_mods'\nset :markdown, :with_toc_data => true\n");
      expect(found).toMatchObject({ line: 2, code: 'the header method of lib/redcarpet_mods.rb' });
      // A lib file without a header method changes no id.
      expect(
        withLib({ 'helpers.rb': 'module Helpers\n  def x\n  end\nend\n' }, "require './lib/helpers'\nset :markdown, :with_toc_data => true\n"),
      ).toBeUndefined();
    });
  });
});
