import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';

/** Elements outside CommonMark's block names that Redcarpet took for blocks too (its html_blocks list). */
const REDCARPET_BLOCK_NAMES = new Set(['audio', 'canvas', 'del', 'hgroup', 'ins', 'math', 'noscript', 'output', 'video']);

/**
 * Whether a line that starts with this element was a paragraph to Redcarpet, not an HTML block:
 * the elements CommonMark starts a block with only when the tag is alone on its line (`<img …/>`,
 * `<span>`, `<a href>`), save the few Redcarpet also listed.
 */
export function isParagraphToRedcarpet(tag: string): boolean {
  const name = tag.toLowerCase();
  return !htmlBlockNames.includes(name) && !htmlRawNames.includes(name) && !REDCARPET_BLOCK_NAMES.has(name);
}
