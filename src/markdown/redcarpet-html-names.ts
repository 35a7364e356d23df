import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';

/** Elements outside CommonMark's block names that Redcarpet took for blocks too (its html_blocks list). */
const REDCARPET_BLOCK_NAMES = new Set(['audio', 'canvas', 'del', 'hgroup', 'ins', 'math', 'noscript', 'output', 'video']);

/**
 * Whether a line that starts with this element was a paragraph to Redcarpet, not an HTML block:
 * the elements CommonMark starts a block with only when the tag is alone on its line (`<img …/>`,
 * `<span>`, `<a href>`), save the few Redcarpet also listed.
 */
/**
 * Whether an element was a block to Redcarpet but not to CommonMark, which starts a block with it
 * only when its tag is alone on its line (`<noscript><img …></noscript>` is a paragraph there).
 */
export const isRedcarpetOnlyBlock = (tag: string): boolean => REDCARPET_BLOCK_NAMES.has(tag.toLowerCase());

export function isParagraphToRedcarpet(tag: string): boolean {
  const name = tag.toLowerCase();
  return !htmlBlockNames.includes(name) && !htmlRawNames.includes(name) && !REDCARPET_BLOCK_NAMES.has(name);
}
