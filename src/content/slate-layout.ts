import fs from 'node:fs';
import path from 'node:path';

/**
 * How a Slate source's own layout reads the page's includes, where a team changed Slate's
 * (`partial "includes/#{include}"` for each name of `includes:`, after the body). Shale never runs
 * the layout; it reads these forms from its text, as it reads `config.rb`:
 * - Best Buy's names a folder per include: `partial "includes/#{include}/index"`, so `- overview`
 *   is `includes/overview/_index.md.erb`;
 * - Booking Experts' takes `includes: { before: […], after: […] }` and puts the first list ahead of
 *   the page's body (`before + page_content + after`);
 * - Overloop's and Basis Theory's read lists of their own (`includes_main:` from `includes_main/`,
 *   `intro_includes:`, `api_includes:` …) the same way: each is appended after `includes:`, in
 *   the order the layout reads them. What the layout writes around them (a heading of its own, a
 *   column) is not read.
 */
export interface SlateLayoutIncludes {
  /** Added to each name `includes:` lists (`/index`); '' in Slate's layout. */
  suffix: string;
  /** The layout reads `includes.before` and `includes.after`. */
  beforeAfter: boolean;
  /** Other front-matter keys the layout reads as lists of partials, in its order. */
  lists: LayoutIncludeList[];
  /** The layout file, when it reads includes otherwise than Slate's (import-slate copies it). */
  file?: string;
}

/** A front-matter key whose names the layout renders as partials of a folder: `includes_main/#{name}`. */
interface LayoutIncludeList {
  key: string;
  folder: string;
  suffix: string;
}

export const SLATE_LAYOUT_INCLUDES: SlateLayoutIncludes = { suffix: '', beforeAfter: false, lists: [] };

const LAYOUT_FILES = ['layout.erb', 'layout.html.erb'];
/**
 * `current_page.data.KEY.each do |name|` (or `&& current_page.data.KEY.each`, or `.map { |name|`;
 * or Booking Experts' `includes.before.map`, whose `includes` is the page's) and, within the next
 * few lines, `partial "FOLDER/#{name}SUFFIX"`.
 */
const LIST_OF_PARTIALS =
  /(?:current_page\.data\.(\w+)|\bincludes(?:\.(?:before|after))?)\s*\.\s*(?:each|map)\s*(?:do\s*\|\s*(\w+)\s*\||\{\s*\|\s*(\w+)\s*\|)([^]{0,300}?)\bpartial\s*\(?\s*(["'])([\w./-]+?)\/#\{\s*(\w+)\s*\}([^"'#{}]*)\5/g;
/** What may follow the name in a partial's path: a path within the folder (`/index`), not an extension. */
const PATH_SUFFIX = /^(\/[\w-]+)*$/;

export function slateLayoutIncludes(contentDir: string): SlateLayoutIncludes {
  const file = LAYOUT_FILES.map((name) => path.join(contentDir, 'layouts', name)).find((candidate) => fs.existsSync(candidate));
  if (!file) return SLATE_LAYOUT_INCLUDES;
  const layout = fs.readFileSync(file, 'utf8');
  let suffix = '';
  const lists: LayoutIncludeList[] = [];
  for (const match of layout.matchAll(LIST_OF_PARTIALS)) {
    const [, data, doName, braceName, between, , folder, partialName, after] = match;
    const key = data ?? 'includes';
    // The partial must be of the loop's own variable, with no other loop opened between them.
    if (partialName !== (doName ?? braceName) || /current_page\.data\./.test(between!) || !PATH_SUFFIX.test(after!)) continue;
    if (key === 'includes') {
      if (folder === 'includes') suffix = after!;
    } else if (!lists.some((list) => list.key === key)) lists.push({ key, folder: folder!.replace(/^\.\//, ''), suffix: after! });
  }
  const beforeAfter = /\bincludes\.before\b/.test(layout) && /\bincludes\.after\b/.test(layout);
  return suffix || beforeAfter || lists.length ? { suffix, beforeAfter, lists, file } : SLATE_LAYOUT_INCLUDES;
}
