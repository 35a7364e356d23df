import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postcss, { CssSyntaxError } from 'postcss';
import { CUSTOM_CSS } from '../content/assets';
import { problem, type Problem } from '../validation/problem';

/**
 * The content folder's `custom.css`, the writer's own CSS: published as it is beside the pages (its
 * relative `url()`s then reach the fonts and images beside it in the content folder, under any base
 * path) and linked after Shale's stylesheet. Returns its version (a hash of its text, for the link's
 * cache-busting query), or the error at its line when it does not parse.
 */
export function checkCustomCss(contentDir: string): { version?: string; problems: Problem[] } {
  const file = path.join(contentDir, CUSTOM_CSS);
  if (!fs.existsSync(file)) return { problems: [] };
  const text = fs.readFileSync(file, 'utf8');
  try {
    postcss.parse(text, { from: file });
  } catch (error) {
    if (!(error instanceof CssSyntaxError)) throw error;
    return { problems: [problem('custom-css-invalid', { file, ...(error.line ? { line: error.line } : {}) }, { reason: error.reason })] };
  }
  return { version: createHash('sha1').update(text).digest('hex').slice(0, 10), problems: [] };
}
