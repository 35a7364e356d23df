import { darkDefault, lightDarkParts } from '../schema/design-tokens';

/**
 * A doc's `theme:` value as it applies in both themes: a single colour for a token that differs by
 * theme (its default is `light-dark()`) is the light theme's; the dark theme keeps Shale's. A writer
 * who wants both writes `light-dark(light, dark)` themselves.
 */
function forBothThemes(token: string, value: string): string {
  const dark = darkDefault(token);
  return dark && !lightDarkParts(value) ? `light-dark(${value}, ${dark})` : value;
}

/**
 * The site's own design tokens, as the stylesheet that follows tokens.css: the Slate source's
 * variables for the whole site, then each doc's `theme:` map for its pages (`<html data-doc>`, the
 * doc's first page). Values were checked before (front matter, slate-theme.ts).
 */
export function brandCss(site: Record<string, string>, docs: ReadonlyArray<{ doc: string; tokens: Record<string, string> }>): string {
  const rule = (selector: string, tokens: Record<string, string>) =>
    Object.keys(tokens).length
      ? `${selector} {\n${Object.entries(tokens)
          .map(([name, value]) => `  --${name}: ${value};\n`)
          .join('')}}\n`
      : '';
  const attribute = (value: string) => value.replace(/["\\]/g, '\\$&');
  const themed = (tokens: Record<string, string>) => Object.fromEntries(Object.entries(tokens).map(([name, value]) => [name, forBothThemes(name, value)]));
  return rule(':root', site) + docs.map(({ doc, tokens }) => rule(`:root[data-doc="${attribute(doc)}"]`, themed(tokens))).join('');
}

/**
 * Shale's stylesheets with the site's breakpoints (`$tablet-width`, `$phone-width` of a Slate
 * source): media queries cannot read custom properties, so the widths are written in at build time.
 */
export function withBreakpoints(css: string, breakpoints: { tablet: string; phone: string } | undefined): string {
  if (!breakpoints) return css;
  return css.replace(/\(max-width:\s*930px\)/g, `(max-width: ${breakpoints.tablet})`).replace(/\(max-width:\s*700px\)/g, `(max-width: ${breakpoints.phone})`);
}
