import fs from 'node:fs';
import { slateConfigFile } from './erb-constants';

/**
 * What a Slate project's `config.rb` says about how Redcarpet rendered its pages. Slate's own
 * renderer, `UniqueHeadCounter` (`renderer:` in `set :markdown`), parameterizes a heading and counts
 * repeats (slug.ts, slateBaseId), and with a renderer named Middleman applies no other option.
 * Slate before it (2016–17; forks still build that way) named none: Redcarpet then made the ids
 * itself with `with_toc_data: true`, differently for any character outside ASCII ("Crear una
 * aplicación" → `crear-una-aplicaci-n`, slug.ts, redcarpetAnchor; CentryCL's docs link to such
 * ids), and `smartypants: true` curled the quotes and made dashes of `--` (rehype-smartypants.ts).
 * Without a `config.rb`, Slate's renderer is assumed.
 */
export interface SlateRendering {
  redcarpetIds: boolean;
  smartypants: boolean;
}

export function slateRendering(contentDir: string): SlateRendering {
  let text: string;
  try {
    text = fs.readFileSync(slateConfigFile(contentDir), 'utf8');
  } catch {
    return { redcarpetIds: false, smartypants: false };
  }
  // Ruby's comments out (a `#` outside a string, roughly: not inside quotes on its line).
  const code = text
    .split('\n')
    .map((line) => line.replace(/^((?:[^#'"]|'[^']*'|"[^"]*")*)#.*$/, '$1'))
    .join('\n');
  const renderer = /\brenderer\s*(?::|=>)/.test(code);
  const option = (name: string) => !renderer && new RegExp(`\\b${name}\\s*(?::|=>)\\s*true\\b`).test(code);
  return { redcarpetIds: option('with_toc_data'), smartypants: option('smartypants') };
}
