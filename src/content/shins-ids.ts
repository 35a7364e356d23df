/**
 * The ids Shins gave headings. Shins (Slate's Node port, 2016–2021) is what Widdershins' users
 * published with, and its ids differ from Slate's in about one heading in a hundred (an apostrophe,
 * parentheses, inline code): a page in Slate's format keeps Slate's ids and also answers to Shins'
 * where they differ (settle-page.ts), so deep links copied from a Shins site still land.
 *
 * Facts from Shins 2.6's `index.js` (`postProcess`, `cleanId`), checked against its output:
 * - an id is its source lower-cased with every character other than `[A-Za-z0-9_]` made `-`;
 * - a heading written with an id (`<h2 id="tocS_Pet">`) has that id so changed (`tocs_pet`), never
 *   numbered; a heading without one has its inner HTML as markdown-it wrote it so changed
 *   (`Extract metadata (freeform)` → `extract-metadata--freeform-`);
 * - every written id is seen before any other heading is counted; a later heading whose id was
 *   seen gets `-2`, `-3` (the counted ids themselves are not remembered, so they may repeat);
 * - only a heading on one line of the HTML has its id changed (Shins used a regular expression).
 */

/** Shins' change to an id or a heading's inner HTML. */
export const shinsCleanId = (text: string): string => text.toLowerCase().replace(/\W/g, '-');

/** Text as markdown-it escapes it. */
export const escapeLikeMarkdownIt = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Shins' id of a Markdown heading written as plain text with code spans (Widdershins' `## {{summary}}`),
 * before repeats are counted.
 */
export const shinsIdOfText = (text: string): string =>
  shinsCleanId(escapeLikeMarkdownIt(text.trim()).replace(/`([^`\n]+)`/g, '<code>$1</code>'));

/** A heading as Shins saw it: the id written on it, or Shins' id of its inner HTML (`''`: Shins gave it none, it spans lines). */
export type ShinsHeading = { written: string } | { cleaned: string };

/** The id Shins gave each heading of a page (in order), or undefined where it gave none. */
export function shinsIdsOf(headings: readonly ShinsHeading[]): Array<string | undefined> {
  // A plain object, as in Shins: `constructor` and `__proto__` are found on its prototype, so the
  // first heading called "Constructor" got `constructor-NaN`, and that is the id its links have.
  const seen: Record<string, number> = {};
  for (const heading of headings) if ('written' in heading) seen[heading.written] = 1;
  return headings.map((heading) => {
    if ('written' in heading) return heading.written;
    const id = heading.cleaned;
    if (!id) return undefined;
    if (seen[id]) return `${id}-${++seen[id]}`;
    seen[id] = 1;
    return id;
  });
}
