import type { Processor } from 'unified';
import type { Extension } from 'micromark-util-types';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { noIntraEmphasis } from './micromark-no-intra-emphasis';

/** Indented code blocks are off in Slate (Redcarpet's `disable_indented_code_blocks`). */
const noIndentedCode: Extension = { disable: { null: ['codeIndented'] } };

/**
 * Slate's Markdown dialect (Redcarpet's settings in Slate's config.rb): pipe tables and
 * `~~strikethrough~~`, fenced code only (indented text is a paragraph), no intra-word emphasis
 * (`foo*bar*baz` and `snake_case_name` stay as written), and none of GFM's
 * extras Slate never had (bare-URL autolinks, task lists, footnotes). Smart quotes stay off.
 */
export default function remarkSlateSyntax(this: Processor): void {
  const data = this.data() as {
    micromarkExtensions?: Extension[];
    fromMarkdownExtensions?: unknown[];
  };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough({ singleTilde: false }), noIndentedCode, noIntraEmphasis);
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
}
