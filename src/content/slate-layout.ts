import fs from 'node:fs';
import path from 'node:path';

/**
 * How a Slate source's own layout reads the page's `includes:`, where a team changed Slate's
 * (`partial "includes/#{include}"` for each name, after the body). Shale never runs the layout; it
 * reads these two forms from its text, as it reads `config.rb`:
 * - Best Buy's names a folder per include: `partial "includes/#{include}/index"`, so `- overview`
 *   is `includes/overview/_index.md.erb`;
 * - Booking Experts' takes `includes: { before: […], after: […] }` and puts the first list ahead of
 *   the page's body (`before + page_content + after`).
 */
export interface SlateLayoutIncludes {
  /** Added to each name the page lists (`/index`); '' in Slate's layout. */
  suffix: string;
  /** The layout reads `includes.before` and `includes.after`. */
  beforeAfter: boolean;
  /** The layout file, when it reads includes otherwise than Slate's (import-slate copies it). */
  file?: string;
}

export const SLATE_LAYOUT_INCLUDES: SlateLayoutIncludes = { suffix: '', beforeAfter: false };

const LAYOUT_FILES = ['layout.erb', 'layout.html.erb'];
/** `partial "includes/#{include}/index"` (or `partial("includes/#{i}")`): what follows the name. */
const PARTIAL_OF_INCLUDE = /\bpartial\s*\(?\s*(["'])includes\/#\{\s*\w+\s*\}([^"'#{}]*)\1/;

export function slateLayoutIncludes(contentDir: string): SlateLayoutIncludes {
  const file = LAYOUT_FILES.map((name) => path.join(contentDir, 'layouts', name)).find((candidate) => fs.existsSync(candidate));
  if (!file) return SLATE_LAYOUT_INCLUDES;
  const layout = fs.readFileSync(file, 'utf8');
  const partial = PARTIAL_OF_INCLUDE.exec(layout)?.[2] ?? '';
  // A suffix that is a path within includes/ (`/index`); anything else (an extension) Middleman resolved as Slate's did.
  const suffix = /^(\/[\w-]+)+$/.test(partial) ? partial : '';
  const beforeAfter = /\bincludes\.before\b/.test(layout) && /\bincludes\.after\b/.test(layout);
  return suffix || beforeAfter ? { suffix, beforeAfter, file } : SLATE_LAYOUT_INCLUDES;
}
