import fs from 'node:fs';
import path from 'node:path';
import { slateConfigFile } from './erb-constants';

/**
 * How a Slate project's heading ids were made: `slate`, by Slate's UniqueHeadCounter as it is since
 * November 2017 (slug.ts, slateBaseId); `redcarpet`, by Redcarpet itself (slug.ts, redcarpetAnchor);
 * `slate-2017`, by the first UniqueHeadCounter, which kept tags' names in the id (slug.ts,
 * slate2017BaseId; zooniverse's Caesar docs link to such ids); `nesting`, by the renderer Slate
 * offered instead, NestingUniqueHeadCounter, which puts the titles above a heading before its own
 * (slug.ts, nestedBases; Billplz's docs link to `bills-create-a-bill`).
 */
export type HeadingIds = 'slate' | 'redcarpet' | 'slate-2017' | 'nesting';

/**
 * What a Slate project's `config.rb` (and the renderer it names) says about how Redcarpet rendered
 * its pages. Slate's own renderer, `UniqueHeadCounter` (`renderer:` in `set :markdown`, its code in
 * the project's `lib/unique_head.rb`), parameterizes a heading and counts repeats, and with a
 * renderer named Middleman applies no other option. Slate before it (2016–17; forks still build that
 * way) named none: Redcarpet then made the ids itself with `with_toc_data: true`, differently for
 * any character outside ASCII ("Crear una aplicación" → `crear-una-aplicaci-n`; CentryCL's docs
 * link to such ids), and `smartypants: true` curled the quotes and made dashes of `--`
 * (rehype-smartypants.ts). Without a `config.rb`, Slate's renderer is assumed.
 */
export interface SlateRendering {
  headingIds: HeadingIds;
  smartypants: boolean;
}

export function slateRendering(contentDir: string): SlateRendering {
  const config = slateConfigFile(contentDir);
  const code = rubyCode(config);
  if (code === undefined) return { headingIds: 'slate', smartypants: false };
  const renderer = /\brenderer\s*(?::|=>)\s*:?(\w+)/.exec(code)?.[1];
  const option = (name: string) => !renderer && new RegExp(`\\b${name}\\s*(?::|=>)\\s*true\\b`).test(code);
  if (!renderer) return { headingIds: option('with_toc_data') ? 'redcarpet' : 'slate', smartypants: option('smartypants') };
  if (renderer === 'NestingUniqueHeadCounter') return { headingIds: 'nesting', smartypants: false };
  // The renderer's header method as the project has it: the first one parameterized the text whole.
  const uniqueHead = renderer === 'UniqueHeadCounter' ? rubyCode(path.join(path.dirname(config), 'lib', 'unique_head.rb')) : undefined;
  const keepsTags = uniqueHead !== undefined && /=\s*text\.parameterize\b/.test(uniqueHead);
  return { headingIds: keepsTags ? 'slate-2017' : 'slate', smartypants: false };
}

/** A Ruby file's text without its comments (a `#` outside a string, roughly: not inside quotes on its line); undefined when it cannot be read. */
function rubyCode(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return text
    .split('\n')
    .map((line) => line.replace(/^((?:[^#'"]|'[^']*'|"[^"]*")*)#.*$/, '$1'))
    .join('\n');
}
