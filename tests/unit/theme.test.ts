import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatterSchema } from '../../src/schema/front-matter';
import { readFrontMatter, splitSource } from '../../src/content/source-file';
import { designTokens, lightDarkParts } from '../../src/schema/design-tokens';
import { readSlateVariables } from '../../src/theme/slate-variables';
import { editedStylesheets, slateTheme } from '../../src/theme/slate-theme';
import { checkCustomCss } from '../../src/theme/custom-css';
import { brandCss, withBreakpoints } from '../../src/theme/brand-css';
import { tempContent } from '../support/temp-content';

const BRANDED = path.resolve('tests/fixtures/branded');
const read = (text: string) => readFrontMatter(splitSource('/docs/index.md', text), frontMatterSchema);

describe("a Slate source's _variables.scss", () => {
  it('is evaluated by Sass: variables made of others, colour functions and arithmetic, and the font placeholders', () => {
    const { values, fonts } = readSlateVariables(path.join(BRANDED, 'stylesheets/_variables.scss'));
    expect(values.get('examples-bg')).toBe('#0b2545');
    expect(values.get('nav-active-bg')).toBe('#1a7f37');
    // darken(#0b2545, 4%) and $tablet-width - $nav-width, as Slate's own build computed them.
    expect(values.get('code-bg')).toBe('#081c33');
    expect(values.get('phone-width')).toBe('740px');
    expect(fonts.get('default-font')?.get('font-family')).toBe('Georgia, "Times New Roman", serif');
    expect(fonts.get('code-font')?.get('font-size')).toBe('12px');
  });

  it('becomes the tokens of what the team changed from Slate’s defaults, and nothing else', () => {
    const { tokens, breakpoints } = slateTheme(BRANDED);
    expect(tokens).toMatchObject({
      'nav-bg': '#f6f8fa',
      'nav-active-bg': '#1a7f37',
      'examples-bg': '#0b2545',
      'code-bg': '#081c33',
      'tab-bar-bg': '#081c33',
      'nav-width': '260px',
      'examples-width': '40%',
      font: 'Georgia, "Times New Roman", serif',
      'font-size': '16px',
    });
    // Left at Slate's default: Shale's own values stay (its asides, paddings and code font).
    for (const token of ['aside-warning-bg', 'padding', 'mono', 'code-font-size', 'lang-select-border']) expect(tokens).not.toHaveProperty(token);
    expect(breakpoints).toEqual({ tablet: '1000px', phone: '740px' });
  });

  it('keeps a light theme’s colours for the light theme: the dark theme keeps Shale’s, an aside a dark shade of the brand’s', () => {
    const { tokens } = slateTheme(BRANDED);
    expect(tokens['main-bg']).toBe('light-dark(#ffffff, #1b1f22)');
    expect(tokens['text']).toMatch(/^light-dark\(#1f2328, /);
    expect(tokens['aside-notice-bg']).toMatch(/^light-dark\(#dbeafe, #[0-9a-f]{6}\)$/);
  });

  it('gives an aside whose brand colour Shale’s dark text cannot be read on white text, and warns of nothing then', () => {
    const dir = tempContent({ 'index.html.md': '# A\n', 'stylesheets/_variables.scss': '$aside-notice-bg: #1966ff;\n$aside-success-bg: #d1fadf;\n' });
    const { tokens, problems } = slateTheme(dir);
    expect(tokens['aside-notice-text']).toBe('light-dark(#ffffff, #eef2f5)');
    expect(tokens).not.toHaveProperty('aside-success-text');
    expect(problems).toEqual([]);
  });

  it('gives a light navigation column a dark focus ring, light native controls and readable muted text', () => {
    const { tokens } = slateTheme(BRANDED);
    expect(tokens).toMatchObject({ 'nav-focus': '#0b5cad', 'nav-color-scheme': 'light' });
    expect(tokens['nav-muted-text']).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('reports once the variables Shale has no place for, and the stylesheets changed from Slate’s own', () => {
    const { problems } = slateTheme(BRANDED);
    expect(problems.map((p) => [p.kind, p.severity, path.relative(BRANDED, p.file)])).toEqual([
      ['slate-stylesheet-ignored', 'warning', 'stylesheets/screen.css.scss'],
      ['slate-variables-unmapped', 'warning', 'stylesheets/_variables.scss'],
    ]);
    expect(problems[1]!.message).toContain('$search-notice-bg');
    expect(editedStylesheets(BRANDED)).toEqual(['stylesheets/screen.css.scss']);
  });

  it('reads a font named in characters beyond ASCII (Sass then writes @charset), and names a top-level @import as Shale not applying it', () => {
    const variables = '%default-font {\n  font-family: "Microsoft Yahei", "微软雅黑", sans-serif;\n  font-size: 13px;\n}\n';
    const { fonts, rules } = readSlateVariables(
      path.join(tempContent({ 'index.html.md': '# A\n', 'stylesheets/_variables.scss': variables }), 'stylesheets/_variables.scss'),
    );
    expect(fonts.get('default-font')?.get('font-family')).toBe('"Microsoft Yahei", "微软雅黑", sans-serif');
    expect(rules).toEqual([]);
    const imported = `@import url("https://fonts.example.com/css?family=Inter");\n${variables}`;
    const withImport = readSlateVariables(
      path.join(tempContent({ 'index.html.md': '# A\n', 'stylesheets/_variables.scss': imported }), 'stylesheets/_variables.scss'),
    );
    expect(withImport.rules).toEqual(['@import url("https://fonts.example.com/css?family=Inter")']);
    expect(withImport.fonts.get('default-font')?.get('font-size')).toBe('13px');
    // A font's own @media block is no font Shale reads: named as the writer wrote it.
    const responsive = `${variables.replace('  font-size: 13px;\n', '  font-size: 13px;\n  @media screen and (max-width: 1000px) {\n    font-size: 12px;\n  }\n')}`;
    const withMedia = readSlateVariables(
      path.join(tempContent({ 'index.html.md': '# A\n', 'stylesheets/_variables.scss': responsive }), 'stylesheets/_variables.scss'),
    );
    expect(withMedia.rules).toEqual(['@media screen and (max-width: 1000px) %default-font']);
    expect(withMedia.fonts.get('default-font')?.get('font-size')).toBe('13px');
  });

  it('that does not compile stops the build at its line', () => {
    const dir = tempContent({ 'index.html.md': '# A\n', 'stylesheets/_variables.scss': '$nav-bg: #fff;\n$nav-text: $undefined-colour;\n' });
    const { problems, tokens } = slateTheme(dir);
    expect(tokens).toEqual({});
    expect(problems).toMatchObject([{ kind: 'slate-variables-invalid', severity: 'error', line: 2 }]);
    expect(problems[0]!.message).toContain('Undefined variable');
  });

  it('warns of a text colour the brand set below 4.5:1 on its background, naming both and the ratio', () => {
    const dir = tempContent({ 'index.html.md': '# A\n', 'stylesheets/_variables.scss': '$nav-bg: #dddddd;\n$nav-text: #bbbbbb;\n' });
    const contrasts = slateTheme(dir).problems.filter((p) => p.kind === 'brand-contrast-low');
    expect(contrasts.map((p) => p.message)).toContainEqual(expect.stringMatching(/nav-text \(#bbbbbb\) on nav-bg \(#dddddd\) has a contrast of 1\.\d\d:1/));
  });
});

describe('a theme: map in front matter', () => {
  it('takes token names with or without --, and checks each value as the kind of value its default is', () => {
    const { data, problems } = read("---\ntheme:\n  nav-bg: '#102030'\n  --examples-width: 40%\n  font: Georgia, serif\n---\n");
    expect(problems).toEqual([]);
    expect(data!.theme).toEqual({ 'nav-bg': '#102030', 'examples-width': '40%', font: 'Georgia, serif' });
  });

  it('refuses an unknown token with a did-you-mean, and a value that is not CSS for it, at their lines', () => {
    const { problems } = read("---\ntitle: T\ntheme:\n  examples-widht: 40%\n  nav-width: wide\n  link: 'red; } body { display: none'\n---\n");
    expect(problems.map((p) => [p.kind, p.line])).toEqual([
      ['theme-token-unknown', 4],
      ['theme-value-invalid', 5],
      ['theme-value-invalid', 6],
    ]);
    expect(problems[0]!.fix).toBe('did you mean "examples-width"?');
    expect(problems[1]!.message).toContain('not a CSS length');
    expect(problems[2]!.message).toContain('would end the CSS rule');
  });

  it('splits light-dark() at its own comma, not at one inside a colour', () => {
    expect(lightDarkParts('light-dark(rgb(0, 0, 0), #fefefe)')).toEqual({ light: 'rgb(0, 0, 0)', dark: '#fefefe' });
    expect(lightDarkParts('#fefefe')).toBeUndefined();
  });

  it('sets a single colour for the light theme only where the token differs by theme', () => {
    const css = brandCss({}, [{ doc: 'index.html', tokens: { 'h1-bg': '#eef6ff', 'nav-bg': '#101010', link: 'light-dark(#010101, #fefefe)' } }]);
    expect(css).toBe(
      ':root[data-doc="index.html"] {\n  --h1-bg: light-dark(#eef6ff, #22272b);\n  --nav-bg: light-dark(#101010, #141719);\n  --link: light-dark(#010101, #fefefe);\n}\n',
    );
  });
});

describe('head: tags in front matter', () => {
  it('are <link>, <meta> and <script src>, kept as tag and attributes', () => {
    const { data, problems } = read(
      '---\nhead:\n  - <meta name="verify" content="abc">\n  - <link rel="preconnect" href="https://fonts.example.com">\n  - <script src="https://stats.example.com/s.js" defer></script>\n---\n',
    );
    expect(problems).toEqual([]);
    expect(data!.head).toEqual([
      { tag: 'meta', attributes: { name: 'verify', content: 'abc' } },
      { tag: 'link', attributes: { rel: 'preconnect', href: 'https://fonts.example.com' } },
      { tag: 'script', attributes: { src: 'https://stats.example.com/s.js', defer: '' } },
    ]);
  });

  it('refuse inline script, other tags and more than one tag, naming the tag', () => {
    const entries = [
      '<script>alert(1)</script>',
      '<style>body{}</style>',
      '<meta name="x" content="y" onload="alert(1)">',
      '<link rel="stylesheet" href="javascript:alert(1)">',
      '<meta name="a"><meta name="b">',
    ];
    const { problems } = read(`---\nhead:\n${entries.map((entry) => `  - '${entry}'`).join('\n')}\n---\n`);
    expect(problems.map((p) => [p.kind, p.line])).toEqual(entries.map((_, index) => ['head-tag-invalid', 3 + index]));
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('a <script> without src is inline script'),
      expect.stringContaining('<style> is not allowed'),
      expect.stringContaining('the event handler attribute onload is inline script'),
      expect.stringContaining('javascript: address'),
      expect.stringContaining('exactly one tag'),
    ]);
  });
});

describe('custom.css', () => {
  it('that parses has a version for its link; one that does not is an error at its line', () => {
    expect(checkCustomCss(BRANDED)).toEqual({ version: expect.stringMatching(/^[0-9a-f]{10}$/), problems: [] });
    const broken = tempContent({ 'index.md': '# A\n', 'custom.css': ':root {\n  --link: red;\n\n.prose { color: blue;\n' });
    expect(checkCustomCss(broken).problems).toMatchObject([{ kind: 'custom-css-invalid', severity: 'error', line: 4 }]);
    expect(checkCustomCss(broken).problems[0]!.message).toBe('custom.css does not parse: Unclosed block.');
    expect(checkCustomCss(tempContent({ 'index.md': '# A\n' }))).toEqual({ problems: [] });
  });
});

describe('the design tokens', () => {
  const styles = ['src/styles/layout.css', 'src/styles/content.css', 'src/styles/code.css', 'src/styles/print.css', 'src/search/browser/search.css'];

  it("are all Shale's own stylesheets use for colours and fonts", () => {
    for (const file of styles) {
      const css = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(css.match(/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/gi), file).toBeNull();
      expect(css.match(/font-family:\s*(?!\s|var\()[^;]*;/g), file).toBeNull();
    }
  });

  it('are each listed in the manual with their light and dark defaults', () => {
    const manual = fs.readFileSync('docs/includes/_theming.md', 'utf8');
    const listed = [...manual.matchAll(/^\| `--([\w-]+)` \|/gm)].map((match) => match[1]);
    expect(listed).toEqual([...designTokens().keys()]);
  });

  it('take the breakpoints of a Slate source in the media queries', () => {
    expect(withBreakpoints('@media (max-width: 930px) {} @media (max-width: 700px) {}', { tablet: '1000px', phone: '740px' })).toBe(
      '@media (max-width: 1000px) {} @media (max-width: 740px) {}',
    );
  });
});
