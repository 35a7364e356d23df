import { z } from 'astro/zod';
import { checkFooter } from './toc-footers';
import { checkHeadTag } from './head-tags';
import { designTokens, tokenValueProblem } from './design-tokens';
import { nearestNames } from './languages';
import type { ProblemKind } from '../validation/definitions';

/**
 * A schema issue that is a problem of a kind (validation/definitions.ts): readFrontMatter turns it
 * into that problem, at the line of the value.
 */
const kindIssue = (kind: ProblemKind, facts: Record<string, unknown>): z.IssueData => ({ code: z.ZodIssueCode.custom, message: kind, params: { kind, facts } });

// Any YAML value is checked by one rule, so a list or a number gets the same message as a bad map.
const tabEntry = z
  .unknown()
  .superRefine((entry, ctx) => {
    const isName = typeof entry === 'string' && entry.trim() !== '';
    const isOneKeyMap =
      typeof entry === 'object' && entry !== null && !Array.isArray(entry) && Object.keys(entry).length === 1 && typeof Object.values(entry)[0] === 'string';
    if (!isName && !isOneKeyMap) {
      ctx.addIssue(kindIssue('tab-entry-invalid', { entry: JSON.stringify(entry) ?? String(entry) }));
    }
  })
  .transform((entry) => entry as string | Record<string, string>);

// Made safe whatever it holds; what was taken out is reported by the page (content/site.ts), an
// error in Shale's own format and a warning in Slate's, where a layout showed such footers.
const footer = z
  .string()
  .nullable()
  .transform((entry) => checkFooter(entry));

const metaTag = z.record(z.union([z.string(), z.number(), z.boolean()])).superRefine((tag, ctx) => {
  for (const name of Object.keys(tag)) {
    if (!/^[a-z][a-z0-9:._-]*$/i.test(name) || /^on/i.test(name)) {
      ctx.addIssue(kindIssue('meta-attribute-invalid', { name }));
    }
  }
});

/** `theme:`: design tokens by name (`nav-bg`, or `--nav-bg`), each value checked as its kind of CSS value. */
const themeMap = z
  .record(z.union([z.string(), z.number()]))
  .superRefine((map, ctx) => {
    const tokens = designTokens();
    for (const [key, raw] of Object.entries(map)) {
      const name = key.replace(/^--/, '');
      const token = tokens.get(name);
      if (!token) {
        ctx.addIssue({ ...kindIssue('theme-token-unknown', { token: key, nearest: nearestNames(name, tokens.keys(), 1)[0] }), path: [key] });
        continue;
      }
      const reason = tokenValueProblem(token.kind, String(raw));
      if (reason) ctx.addIssue({ ...kindIssue('theme-value-invalid', { token: name, value: String(raw), reason }), path: [key] });
    }
  })
  .transform((map) => Object.fromEntries(Object.entries(map).map(([key, value]) => [key.replace(/^--/, ''), String(value).trim()])));

/** `head:`: one tag per entry, written as HTML; anything but a <link>, <meta> or <script src> is refused. */
const headTag = z.string().transform((entry, ctx) => {
  const result = checkHeadTag(entry);
  if ('reason' in result) {
    ctx.addIssue(kindIssue('head-tag-invalid', { tag: entry.trim(), reason: result.reason }));
    return z.NEVER;
  }
  return result;
});

/**
 * A list that YAML may leave empty (`includes:` with nothing under it reads as null), or set to
 * `false` for none: Slate's layout reads each list key as `if current_page.data.…`, and sources
 * write `language_tabs: false` on pages without code (bullhorn's).
 */
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (value) => (value === false ? null : value),
    z
      .array(item)
      .nullish()
      .transform((value) => value ?? []),
  );

/** Slate's front matter, plus Shale's own keys. Every key is optional. */
export const frontMatterSchema = z
  .object({
    title: z.string().default('API Documentation').describe('The page <title>; the TOC scrollspy shows "Section – Title".'),
    language_tabs: list(tabEntry).describe('Tabs of the code column: `- ruby` or `- shell: cURL`. The first is the default. None, or `false`: no tabs.'),
    toc_footers: list(footer).describe('Links under the table of contents (HTML links and inline emphasis only).'),
    includes: list(
      z
        .string()
        .nullable()
        .transform((name) => (name ?? '').trim()),
    ).describe('Files from includes/ appended after the body, in order.'),
    search: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false)
      .describe('Show the search box and build the search index.'),
    code_clipboard: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false)
      .describe('Put a Copy button on every code block.'),
    meta: list(metaTag).describe('Extra <meta> tags: each map becomes one tag.'),
    description: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("The page's description for search engines and link previews. Unset: the first paragraph of each page, trimmed."),
    toc_depth: z
      .union([z.literal(2), z.literal(3)], { errorMap: () => ({ message: 'must be 2 or 3' }) })
      .default(2)
      .describe('Heading levels in the TOC: 2 (h1 and h2, as Slate) or 3 (adds h3).'),
    split: z
      .union([z.literal('h1'), z.literal(false)], { errorMap: () => ({ message: 'must be h1 or false' }) })
      .optional()
      .describe('One page per h1 group (`h1`), or always one page (`false`). Unset: a Markdown page whose HTML would pass 500 KB is split by h1.'),
    openapi: list(
      z.union([
        z.string().min(1),
        z
          .object({
            spec: z.string().min(1),
            tags: list(z.string()),
            webhooks: z.boolean().optional(),
            schemas: z.boolean().optional(),
          })
          .strict(),
      ]),
    )
      .or(
        z
          .string()
          .min(1)
          .transform((spec) => [spec]),
      )
      .or(
        z
          .object({ spec: z.string().min(1), tags: list(z.string()), webhooks: z.boolean().optional(), schemas: z.boolean().optional() })
          .strict()
          .transform((entry) => [entry]),
      )
      .transform((entries) => entries.map((entry) => (typeof entry === 'string' ? { spec: entry, tags: [] as string[] } : entry)))
      .describe(
        'OpenAPI specs (YAML or JSON, beside the page) whose reference follows the body and the includes: a path, a list, or `{ spec, tags, webhooks, schemas }`.',
      ),
    theme: themeMap
      .nullish()
      .transform((value) => value ?? {})
      .describe("Design tokens for this doc's pages, by name (`nav-bg: '#123456'`): colours, widths, fonts. See the manual's list."),
    head: list(headTag).describe('Tags added to the <head> of every page of this doc: <link>, <meta> or <script src=…>, one per entry, written as HTML.'),
    // Keys Widdershins writes for Shins, Slate's Node port: accepted so its output builds unchanged.
    headingLevel: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Shins' name for toc_depth (Widdershins writes it): 2 or less is h1 and h2, 3 or more adds h3. toc_depth wins."),
    highlight_theme: z.string().optional().describe("Shins' code theme (Widdershins writes it). Shale has one theme for the code column, so it is ignored."),
    language_clients: z
      .unknown()
      .optional()
      .describe('The client library of each tab (Widdershins writes it for its code samples). Shale does not use it, so it is ignored.'),
    generator: z.unknown().optional().describe('The tool that wrote the page (some Widdershins 4.0.1 builds write `generator: widdershins v4.0.1`). Ignored.'),
  })
  .strict();

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** Slate's own keys: the others are Shale's (or Shins'), which a Slate source may use for a layout of its own. */
export const SLATE_KEYS: ReadonlySet<string> = new Set(['title', 'language_tabs', 'toc_footers', 'includes', 'search', 'code_clipboard', 'meta']);

/** Keys Slate used to have, and what they are called now. */
export const RENAMED_KEYS: Record<string, string> = { languages: 'language_tabs', external_links: 'toc_footers' };

/** Keys accepted only because other Slate tools write them (not suggested in hints). */
const COMPATIBILITY_KEYS = ['headingLevel', 'highlight_theme', 'language_clients', 'generator'];

/** The keys the schema knows (for did-you-mean hints). */
export const FRONT_MATTER_KEYS = Object.keys(frontMatterSchema.shape).filter((key) => !COMPATIBILITY_KEYS.includes(key));

/** The TOC depth a page asks for: `toc_depth`, else Shins' `headingLevel` (3 and more → 3), else 2. */
export function tocDepthOf(frontMatter: Pick<FrontMatter, 'toc_depth' | 'headingLevel'>, tocDepthGiven: boolean): 2 | 3 {
  if (tocDepthGiven || frontMatter.headingLevel === undefined) return frontMatter.toc_depth;
  return frontMatter.headingLevel >= 3 ? 3 : 2;
}

/** Front-matter keys an include file may have (only nested includes; the rest belongs to the page). */
export const includeFrontMatterSchema = z.object({ includes: frontMatterSchema.shape.includes }).strict();
