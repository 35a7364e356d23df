import { z } from 'astro/zod';

import { SECTIONS_PER_SHARD } from '../search/build/shards';

/** `/docs` → `/docs/`: a base path always has a slash at both ends (`/` for the site root). */
function normaliseBase(value: string): string {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const SHARD_FIX = 'set it to a whole number of sections from 1 up';

/**
 * An optional http(s) address, from the option else its variable (`fromEnv`), kept with or without
 * its trailing slash: a site's address has the base path put after it, an edit address a file name.
 */
function webAddress(fromEnv: string | undefined, example: string, slash: 'with' | 'without') {
  return z.preprocess(
    (value) => value ?? fromEnv,
    z
      .string()
      .refine((value) => /^https?:\/\/[^/\s]+/.test(value) && URL.canParse(value), `set it to an http(s) address, such as ${example}`)
      .transform((value) => (slash === 'with' ? value.replace(/\/*$/, '/') : value.replace(/\/+$/, '')))
      .optional(),
  );
}

/**
 * The options of `shale(options)`. Each one documents itself (its description and default are the
 * manual's table, docs/includes/_developing.md) and takes its default from a `SHALE_*` variable, so
 * `SHALE_CONTENT=path/to/source npm run build` works without touching astro.config.mjs.
 */
function shaleOptionsSchema(env: Readonly<Record<string, string | undefined>>) {
  const fromEnv = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  return z
    .object({
      content: z
        .string()
        .min(1)
        .default(fromEnv('SHALE_CONTENT') ?? 'content')
        .describe('SHALE_CONTENT. The content folder, relative to the project (or absolute). Any Slate `source/` folder works as is.'),
      base: z
        .string()
        .default(fromEnv('SHALE_BASE') ?? '/')
        .transform(normaliseBase)
        .describe('SHALE_BASE. The base path the site is served under (`/docs/` for https://example.com/docs/). Every link and asset follows it.'),
      site: webAddress(fromEnv('SHALE_SITE'), 'https://docs.example.com', 'without').describe(
        'SHALE_SITE. The address the site is published at, without the base path (`https://docs.example.com`): pages get canonical links, and the site a sitemap.xml and a robots.txt.',
      ),
      editUrl: webAddress(fromEnv('SHALE_EDIT_URL'), 'https://github.com/org/repo/edit/main/content/', 'with').describe(
        'SHALE_EDIT_URL. The address that edits the content folder (`https://github.com/org/repo/edit/main/content/`): every section gets an Edit link to its own file.',
      ),
      outDir: z
        .string()
        .min(1)
        .default(fromEnv('SHALE_OUT_DIR') ?? 'dist')
        .describe('SHALE_OUT_DIR. Where the site is written, relative to the project (or absolute).'),
      searchShardSections: z
        .preprocess(
          (value) => (typeof value === 'string' ? Number(value) : value),
          z.number({ invalid_type_error: SHARD_FIX }).int(SHARD_FIX).min(1, SHARD_FIX),
        )
        .default(fromEnv('SHALE_SEARCH_SHARD_SECTIONS') ?? SECTIONS_PER_SHARD)
        .describe(
          'SHALE_SEARCH_SHARD_SECTIONS. Sections per search-index shard: a larger site is indexed as several shards, so a rebuild re-indexes only the changed one. A shard also holds at most 4.2 million characters of text.',
        ),
      searchReuse: z
        .preprocess((value) => (typeof value === 'string' ? !/^(0|false|no|off)$/i.test(value.trim()) : value), z.boolean())
        .default(fromEnv('SHALE_SEARCH_REUSE') ?? true)
        .describe(
          "SHALE_SEARCH_REUSE. A rebuild reuses the published search index's unchanged files, read from Pagefind's own file format; `false` (or 0) turns that off and writes every file afresh.",
        ),
      quickRebuild: z
        .preprocess((value) => (typeof value === 'string' ? !/^(0|false|no|off)$/i.test(value.trim()) : value), z.boolean())
        .default(fromEnv('SHALE_QUICK_REBUILD') ?? true)
        .describe(
          "SHALE_QUICK_REBUILD. When only the text or headings of Markdown pages (or a spec they name) changed since Shale published the output folder (no title, front matter, first h1, page added or renamed, image, style or code), a build rewrites just those pages' bodies and tables of contents there, their search index and Markdown, without Astro's build; `false` (or 0) always builds the whole site.",
        ),
      workDir: z
        .string()
        .min(1)
        .default(fromEnv('SHALE_WORK_DIR') ?? '.shale')
        .describe("SHALE_WORK_DIR. Shale's caches and build scratch space, relative to the project. Delete it whenever you like."),
    })
    .strict();
}

/** What a writer may pass to `shale()`. */
export type ShaleOptionsInput = z.input<ReturnType<typeof shaleOptionsSchema>>;
/** The options with every default filled in. */
export type ShaleOptions = z.output<ReturnType<typeof shaleOptionsSchema>>;

/** Thrown for options that do not validate: every issue, each naming the option (and its variable) and the fix. */
export class ShaleOptionsError extends Error {
  override name = 'ShaleOptionsError';
  constructor(readonly issues: string[]) {
    super(issues.join('\n'));
  }
}

/** The variable each option defaults from, to name it in messages. */
const VARIABLES: Record<string, string> = {
  content: 'SHALE_CONTENT',
  base: 'SHALE_BASE',
  site: 'SHALE_SITE',
  editUrl: 'SHALE_EDIT_URL',
  outDir: 'SHALE_OUT_DIR',
  searchShardSections: 'SHALE_SEARCH_SHARD_SECTIONS',
  searchReuse: 'SHALE_SEARCH_REUSE',
  quickRebuild: 'SHALE_QUICK_REBUILD',
  workDir: 'SHALE_WORK_DIR',
};

/** Validates `shale()`'s options, with the `SHALE_*` variables of `env` as defaults. Throws ShaleOptionsError. */
export function resolveOptions(input: ShaleOptionsInput = {}, env: Readonly<Record<string, string | undefined>> = {}): ShaleOptions {
  const result = shaleOptionsSchema(env).safeParse(input);
  if (result.success) return result.data;
  throw new ShaleOptionsError(
    result.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys')
        return `shale() has no option ${issue.keys.map((key) => `"${key}"`).join(', ')}: the options are ${Object.keys(VARIABLES).join(', ')}.`;
      const name = String(issue.path[0] ?? '');
      const fix =
        issue.code === 'custom' || issue.message.startsWith('set it') ? issue.message : `set it to a ${issue.message.replace(/^Expected (\w+).*$/, '$1')}`;
      if (name in input) return `shale({ ${name} }) is ${JSON.stringify((input as Record<string, unknown>)[name])}: ${fix}.`;
      return `${VARIABLES[name] ?? name} is "${env[VARIABLES[name] ?? ''] ?? ''}": ${fix}, or leave it unset.`;
    }),
  );
}

/** Every option with its variable, default and meaning: the manual's table is checked against this. */
export function describeOptions(): Array<{ option: string; variable: string; default: unknown; description: string }> {
  const shape = shaleOptionsSchema({}).shape;
  return Object.entries(shape).map(([option, schema]) => {
    const parsed = (schema as z.ZodTypeAny).safeParse(undefined);
    return {
      option,
      variable: VARIABLES[option]!,
      default: parsed.success ? parsed.data : undefined,
      description: (schema as z.ZodTypeAny).description?.replace(/^SHALE_\w+\. /, '') ?? '',
    };
  });
}
