import fs from 'node:fs';
import { slateConfigFile } from './erb-constants';

/**
 * Which ids a Slate project's headings had, from its `config.rb` (beside `source/`). Slate's
 * renderer, `UniqueHeadCounter` (`renderer:` in `set :markdown`), parameterizes a heading and counts
 * repeats (slug.ts, slateBaseId). Slate before it (2016–17 forks still build that way) set only
 * `with_toc_data: true`: Redcarpet then made the ids itself, differently for any character outside
 * ASCII ("Crear una aplicación" → `crear-una-aplicaci-n`, slug.ts, redcarpetAnchor). CentryCL's
 * docs link to such ids. Without a `config.rb`, Slate's renderer is assumed.
 */
export function usesRedcarpetIds(contentDir: string): boolean {
  let text: string;
  try {
    text = fs.readFileSync(slateConfigFile(contentDir), 'utf8');
  } catch {
    return false;
  }
  // Ruby's comments out (a `#` outside a string, roughly: not inside quotes on its line).
  const code = text
    .split('\n')
    .map((line) => line.replace(/^((?:[^#'"]|'[^']*'|"[^"]*")*)#.*$/, '$1'))
    .join('\n');
  return /\bwith_toc_data\s*(?::|=>)\s*true\b/.test(code) && !/\brenderer\s*(?::|=>)/.test(code);
}
