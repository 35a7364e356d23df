import type { Processor } from 'unified';
import type { Construct, Extension, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { htmlFlow } from 'micromark-core-commonmark';

const LESS_THAN = 60;

/**
 * micromark's HTML blocks, but none starts on a line of a paragraph: in Slate's format, HTML written
 * right under a paragraph's line (`Intro:`, then `<aside class="notice">Note *this*</aside>`) is text
 * of the paragraph, as Redcarpet read it (it ends a paragraph at HTML only with `lax_spacing`, which
 * Slate's config.rb does not set), so the Markdown in it is rendered, as Slate showed it. CommonMark
 * starts an HTML block there, whose Markdown stays as written.
 */
const tokenize: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  return this.interrupt ? nok : htmlFlow.tokenize.call(this, effects, ok, nok);
};

const paragraphKeepingHtmlFlow: Construct = { ...htmlFlow, name: 'redcarpetHtmlFlow', tokenize };

const redcarpetHtmlFlow: Extension = { disable: { null: ['htmlFlow'] }, flow: { [LESS_THAN]: paragraphKeepingHtmlFlow } };

/** The remark plugin for Slate's own format (render-part.ts). */
export default function remarkRedcarpetHtml(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: Extension[] };
  (data.micromarkExtensions ??= []).push(redcarpetHtmlFlow);
}
