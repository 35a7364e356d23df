import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readErb } from '../../src/content/erb';
import { readErbConstants } from '../../src/content/erb-constants';
import { loadSite } from '../../src/content/site';
import { tempContent } from '../support/temp-content';

const source = (body: string, bodyLine = 1) => ({ path: '/c/index.html.md.erb', dialect: 'md' as const, yaml: '', body, bodyLine, yamlLine: 2 });

describe('reading the ERB of a Slate page', () => {
  it('cuts the Markdown at each partial on a line of its own, with the line each run starts on', () => {
    const { pieces, problems } = readErb(
      source('# A\n\n<%= partial "includes/x" %>\n\n# B\n  <%= partial(\'y\') -%>  \nlast\n', 5),
      (file) => `images/${file}`,
    );
    expect(problems).toEqual([]);
    expect(pieces).toEqual([
      { text: '# A\n\n', line: 5 },
      { partial: 'includes/x', line: 7 },
      { text: '\n# B\n', line: 8 },
      { partial: 'y', line: 10 },
      { text: 'last\n', line: 11 },
    ]);
  });

  it('keeps the lines of a comment, writes <%% as <%, and leaves text without ERB as it is', () => {
    const { pieces, problems } = readErb(source('a <%# one\ntwo %>b\n`<%%= x %>`\n'), (file) => `images/${file}`);
    expect(problems).toEqual([]);
    expect(pieces).toEqual([{ text: 'a \nb\n`<%= x %>`\n', line: 1 }]);
    expect(readErb(source('plain <b>text</b>\n'), (file) => file).pieces).toEqual([{ text: 'plain <b>text</b>\n', line: 1 }]);
  });

  it("writes image_tag as Middleman does: the images folder, the file's name as alt text unless one is given", () => {
    const { pieces } = readErb(
      source(`<%= image_tag "api_flow-chart.png" %>\n<%= image_tag("x.png", :alt => 'An "x" & more') %>\n<%= image_tag "https://e.com/y.svg", alt: "Y" %>\n`),
      (file) => `../images/${file}`,
    );
    expect(pieces).toEqual([
      {
        text: '<img src="../images/api_flow-chart.png" alt="Api flow chart">\n<img src="../images/x.png" alt="An &quot;x&quot; &amp; more">\n<img src="https://e.com/y.svg" alt="Y">\n',
        line: 1,
      },
    ]);
  });

  it('names every piece of Ruby it cannot run, at its line, and a partial sharing its line', () => {
    const { problems } = readErb(
      source('v<%= config[:version] %>\n<% if x %>\nshown\n<% end %>\nsee <%= partial "a" %>\n<%= partial "asides/#{name}" %>\n'),
      (file) => `images/${file}`,
    );
    expect(problems.map((found) => [found.kind, found.line, found.severity])).toEqual([
      ['erb-code', 1, 'error'],
      ['erb-code', 2, 'error'],
      ['erb-code', 4, 'error'],
      ['erb-partial-inline', 5, 'error'],
      ['erb-code', 6, 'error'],
    ]);
    expect(problems[0]!.message).toBe(
      "<%= config[:version] %> is Ruby code, which Shale does not run: in ERB it reads only partial, image_tag, comments, the strings config.rb sets (`set :name, '…'`, or a helper that returns one) and variables given strings (`<% name = '…' %>`).",
    );
  });
});

describe("variables an ERB page gives strings (<% product_name = '…' %>, as Expo Growth declares its own)", () => {
  it('are printed where <%= name %> follows, each block in order, using config.rb and the ones before', () => {
    const constants = { config: new Map([['host', 'api.example.com']]), helpers: new Map([['product_name', 'From a helper']]) };
    const { pieces, problems } = readErb(
      source(
        "<%\n# declare global vars here\nproduct_name = 'Sales.ai'\napi = 'https://' + config[:host]\n\n%>\n# <%= product_name %>\n<% @base = api + \"/v1\" %>\n`<%= @base %>`\n<% product_name = 'Renamed' %><%= product_name %>\n",
      ),
      (file) => file,
      constants,
    );
    expect(problems).toEqual([]);
    // A block's lines stay lines; a variable hides a helper of the same name, as in Ruby.
    expect(pieces).toEqual([{ text: '\n\n\n\n\n\n# Sales.ai\n\n`https://api.example.com/v1`\nRenamed\n', line: 1 }]);
  });

  it('stay Ruby Shale cannot run when a value is not a string, or is printed before it is set', () => {
    const { problems } = readErb(source("<%= early %>\n<% early = 'x' %>\n<% count = items.size %>\n<% a = 'x'\nb = a.upcase %>\n<%= a %>\n"), (file) => file);
    expect(problems.map((found) => [found.kind, found.line])).toEqual([
      ['erb-code', 1],
      ['erb-code', 3],
      ['erb-code', 4],
      // The block with a.upcase set nothing: a stays unknown.
      ['erb-code', 6],
    ]);
  });
});

describe('a block its writer switched off (<% if false %>, as Gannett hides 15 sections)', () => {
  it('is nothing, whatever it holds (nested blocks, partials, Ruby), and the lines after it stay right', () => {
    const { pieces, problems } = readErb(
      source(
        '# A\n<% if false %>\n## Hidden\n<% items.each do |item| %>\n<%= item %>\n<% end %>\n<%= partial "includes/x" %>\n<% end %>\n## B <%= config[:v] %>\n<%- unless true -%>gone<% end %>\n',
      ),
      (file) => file,
    );
    expect(pieces).toEqual([{ text: '# A\n\n\n\n\n\n\n\n## B \n\n', line: 1 }]);
    // Only the Ruby outside it is reported, at its own line.
    expect(problems.map((found) => [found.kind, found.line])).toEqual([['erb-code', 9]]);
  });

  it('with another branch, or never ended, needs Ruby: an error at its start', () => {
    const withElse = readErb(source('<% if false %>\nold\n<% else %>\nnew\n<% end %>\nafter\n'), (file) => file);
    expect(withElse.problems.map((found) => [found.kind, found.line])).toEqual([['erb-code', 1]]);
    const unended = readErb(source('a\n<% if false %>\nb\n'), (file) => file);
    expect(unended.problems.map((found) => [found.kind, found.line])).toEqual([['erb-code', 2]]);
  });
});

describe('a Slate source with ERB pages', () => {
  it('makes an index.html.md.erb a page, its partials parts in place (nested ones too), and finds .md.erb includes', () => {
    const dir = tempContent({
      'index.html.md.erb': '---\nincludes:\n  - errors\n---\n# Top\n\n<%= partial "includes/a" %>\n\n# Middle\n\n<%= partial "includes/api/b" %>\n# End\n',
      'includes/_a.md': '# A\n',
      'includes/api/_b.md.erb': '# B\n<%= partial "c" %>\n',
      'includes/api/_c.md': '# C\n',
      'includes/_errors.md.erb': '# Errors\n',
    });
    const { pages, problems } = loadSite(dir);
    expect(problems).toEqual([]);
    expect(pages.map((page) => [page.outputPath, page.slate])).toEqual([['index.html', true]]);
    expect(pages[0]!.parts.map((part) => [path.relative(dir, part.path), part.bodyLine, part.body.trim()])).toEqual([
      ['index.html.md.erb', 5, '# Top'],
      ['includes/_a.md', 1, '# A'],
      ['index.html.md.erb', 8, '# Middle'],
      ['includes/api/_b.md.erb', 1, '# B'],
      ['includes/api/_c.md', 1, '# C'],
      ['index.html.md.erb', 12, '# End'],
      ['includes/_errors.md.erb', 1, '# Errors'],
    ]);
  });

  it("writes image_tag's other options as attributes, and an event handler or src as Ruby it cannot read", () => {
    const { pieces, problems } = readErb(
      source(`<%= image_tag 'ales/gravity-1014.jpg', width: 150, :height => 150, class: "photo" %>\n<%= image_tag "x.png", onclick: "steal()" %>\n`),
      (file) => `images/${file}`,
    );
    expect(pieces[0]).toMatchObject({ text: '<img src="images/ales/gravity-1014.jpg" alt="Gravity 1014" width="150" height="150" class="photo">\n\n' });
    expect(problems.map((found) => [found.kind, found.line])).toEqual([['erb-code', 2]]);
  });

  it("finds image_tag's file where it is named, else in images/, as the page's HTML sees the content folder", () => {
    const dir = tempContent({
      'index.html.md.erb': '<%= image_tag "images/a.png" %>\n<%= image_tag "b.png" %>\n',
      'v3/index.html.md.erb': '<%= image_tag "b.png" %>\n',
      'images/a.png': 'png',
      'images/b.png': 'png',
    });
    const { pages } = loadSite(dir);
    expect(pages.map((page) => page.parts[0]!.body)).toEqual([
      '<img src="images/a.png" alt="A">\n<img src="images/b.png" alt="B">\n',
      '<img src="../images/b.png" alt="B">\n',
    ]);
  });

  it('checks a partial as an include: a second file it matches, front matter never closed, the other format', () => {
    const dir = tempContent({
      'index.html.md.erb': '<%= partial "includes/a" %>\n<%= partial "includes/b" %>\n<%= partial "includes/c" %>\n',
      'includes/_a.md': '# A\n',
      'includes/a.md': '# A again\n',
      'includes/_b.md': '---\ntitle: never closed\n',
      'includes/_c.mdx': '# C\n',
    });
    const { pages, problems } = loadSite(dir);
    expect(problems.map((found) => [found.kind, path.relative(dir, found.file), found.line])).toEqual([
      ['include-ambiguous', 'index.html.md.erb', 1],
      ['front-matter-unclosed', 'includes/_b.md', 1],
      ['include-format', 'index.html.md.erb', 3],
    ]);
    expect(pages[0]!.parts.map((part) => part.body.trim()).filter(Boolean)).toEqual(['# A']);
  });

  it('refuses a partial that calls itself back', () => {
    const dir = tempContent({ 'index.html.md.erb': '<%= partial "includes/a" %>\n', 'includes/_a.md.erb': '<%= partial "includes/a" %>\n' });
    expect(loadSite(dir).problems).toEqual([
      expect.objectContaining({
        kind: 'include-cycle',
        file: path.join(dir, 'includes/_a.md.erb'),
        line: 1,
        message: 'include "includes/a" makes a cycle: _a.md.erb → _a.md.erb.',
      }),
    ]);
  });
});

describe("the strings a Slate project's config.rb gives its ERB", () => {
  const CONFIG = [
    "set :endpoint, 'https://api.example.com' # the API",
    'set :version, "v2"',
    "config[:general_name] = 'Cheddar'",
    "set :env, 'staging'",
    "config[:env] = 'local'",
    'configure :build do',
    "  set :env, 'production'",
    'end',
    'helpers do',
    '  def endpoint_url',
    '    "https://api.example.com/v1"',
    '  end',
    '  def computed',
    '    [1, 2].join',
    '  end',
    'end',
    '',
  ].join('\n');

  it('prints config[:name] (given by set or by config[:name] =), string helpers and string literals joined with +, as Ruby would', () => {
    const constants = readErbConstants(path.join(tempContent({ 'config.rb': CONFIG, 'source/index.html.md.erb': '# A\n' }), 'source'));
    const { pieces, problems } = readErb(
      source("GET <%= config[:endpoint] %>/<%= config[:version] %>\n`<%= endpoint_url + \"/users\" %>`\n<%= 'a' + 'b' %> <%= config[:general_name] %>\n"),
      (file) => `images/${file}`,
      constants,
    );
    expect(problems).toEqual([]);
    expect(pieces).toEqual([{ text: 'GET https://api.example.com/v2\n`https://api.example.com/v1/users`\nab Cheddar\n', line: 1 }]);
  });

  it('leaves a name set twice, a helper that computes, and a project without config.rb as Ruby it cannot run', () => {
    const constants = readErbConstants(path.join(tempContent({ 'config.rb': CONFIG, 'source/index.html.md.erb': '# A\n' }), 'source'));
    const code = '<%= config[:env] %>\n<%= computed %>\n<%= config[:endpoint].upcase %>\n';
    expect(readErb(source(code), (file) => file, constants).problems.map((found) => [found.kind, found.line])).toEqual([
      ['erb-code', 1],
      ['erb-code', 2],
      ['erb-code', 3],
    ]);
    const none = readErbConstants(path.join(tempContent({ 'source/index.html.md.erb': '# A\n' }), 'source'));
    expect(readErb(source('<%= config[:endpoint] %>\n'), (file) => file, none).problems.map((found) => found.kind)).toEqual(['erb-code']);
  });

  it('are read from the config.rb beside the content folder when a site loads', () => {
    const dir = tempContent({ 'config.rb': CONFIG, 'source/index.html.md.erb': '# API\n\nBase URL: <%= config[:endpoint] %>\n' });
    const site = loadSite(path.join(dir, 'source'));
    expect(site.problems).toEqual([]);
    expect(site.pages[0]!.parts[0]!.body).toBe('# API\n\nBase URL: https://api.example.com\n');
  });
});
