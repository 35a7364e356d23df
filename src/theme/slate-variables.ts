import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Sass, loaded the first time a source has a variables file: loading it took half a second of every
 * build, most of which have none.
 */
let sass: typeof import('sass') | undefined;
const loadSass = () => (sass ??= createRequire(import.meta.url)('sass') as typeof import('sass'));

/**
 * A Slate source's `stylesheets/_variables.scss`, evaluated by a real Sass compiler: `!default`,
 * variables made of other variables and arithmetic (`$tablet-width - $nav-width`) come out as
 * Slate's own build would compute them. Its fonts are placeholder rules (`%default-font`), read by
 * extending them.
 */
export interface SlateVariables {
  /** Every variable of the file, by name without `$`, as CSS text (`#2e3336`, `230px`). */
  values: Map<string, string>;
  /** The declarations of the font placeholders, by placeholder: `default-font` → `font-size` → `14px`. */
  fonts: Map<string, Map<string, string>>;
  /** Selectors of CSS rules the file writes itself (`:root`, `@media …`): Shale does not apply them. */
  rules: string[];
}

/** Where the variables file of a content folder is, when it has one. */
export function slateVariablesFile(contentDir: string): string | undefined {
  const file = path.join(contentDir, 'stylesheets', '_variables.scss');
  return fs.existsSync(file) ? file : undefined;
}

/** `#AARRGGBB` (Sass's ie-hex-str) as CSS: `#rrggbb` when opaque, else `rgb(r g b / a)`. Other values as they are. */
function cssColour(value: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{6})$/i.exec(value);
  if (!match) return value;
  const [alpha, rgb] = [parseInt(match[1]!, 16), match[2]!.toLowerCase()];
  if (alpha === 255) return `#${rgb}`;
  const channels = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16));
  return `rgb(${channels.join(' ')} / ${Math.round((alpha / 255) * 100) / 100})`;
}

const FONT_PLACEHOLDERS = ['default-font', 'header-font', 'code-font'];

/** Evaluates the file; throws Sass's own error (with its line) when the file does not compile. */
export function readSlateVariables(file: string): SlateVariables {
  // One rule lists every variable the module defines, one rule per font placeholder extends it.
  // Colours as #AARRGGBB: Sass 1.79+ writes a computed colour (darken()) in percentages, where Slate's Sass wrote hex.
  const probe = [
    "@use 'sass:meta';",
    "@use 'sass:color';",
    "@use 'variables' as slate;",
    '.shale-variables {',
    "  @each $name, $value in meta.module-variables('slate') {",
    "    @if meta.type-of($value) == 'color' { --#{$name}: #{color.ie-hex-str($value)}; }",
    '    @else { --#{$name}: #{meta.inspect($value)}; }',
    '  }',
    '}',
    ...FONT_PLACEHOLDERS.map((name) => `.shale-${name} { @extend %${name} !optional; }`),
  ].join('\n');
  const compiler = loadSass();
  const { css } = compiler.compileString(probe, {
    loadPaths: [path.dirname(file)],
    style: 'expanded',
    // Sass starts its output with @charset when a value has a character beyond ASCII (a font named
    // "微软雅黑"): it would read as an at-rule wrapping the rule after it.
    charset: false,
    logger: compiler.Logger.silent,
  });
  const ruleMap = new Map<string, Map<string, string>>();
  // The file's own comments (Slate's licence) come out first: they are no selector.
  let text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // A statement at the top level (`@import url(…)` of a font): not applied either, named as it is written.
  const statements: string[] = [];
  text = text.replace(/^@[\w-]+[^{};]*;/gm, (statement) => {
    statements.push(statement.slice(0, -1).trim());
    return '';
  });
  // A rule inside an at-rule (`@media (…) { :root { … } }`) is named by both.
  for (const match of text.matchAll(/((?:@[^{}]+\{\s*)?)([^{}@]+)\{([^}]*)\}/g)) {
    const declarations = new Map<string, string>();
    for (const declaration of match[3]!.matchAll(/([-\w]+)\s*:\s*([^;]+);?/g)) declarations.set(declaration[1]!, declaration[2]!.trim());
    const atRule = match[1]!.replace(/\{\s*$/, '').trim();
    for (const selector of match[2]!.split(',').map((part) => part.trim())) {
      const name = atRule ? `${atRule} ${selector}` : selector;
      const merged = ruleMap.get(name) ?? new Map<string, string>();
      for (const [key, value] of declarations) merged.set(key, value);
      ruleMap.set(name, merged);
    }
  }
  const values = new Map(
    [...(ruleMap.get('.shale-variables') ?? new Map<string, string>())].map(([name, value]) => [name.replace(/^--/, ''), cssColour(value)]),
  );
  const fonts = new Map(FONT_PLACEHOLDERS.flatMap((name) => (ruleMap.has(`.shale-${name}`) ? [[name, ruleMap.get(`.shale-${name}`)!] as const] : [])));
  // A font placeholder's own @media block is named as written (`%default-font`), not as Shale's probe.
  const rules = [
    ...statements,
    ...[...ruleMap.keys()].filter((selector) => !selector.startsWith('.shale-')).map((selector) => selector.replace(/\.shale-([\w-]+)$/, '%$1')),
  ];
  return { values, fonts, rules };
}
