import type { Processor } from 'unified';
import type { Code, Construct, Effects, Extension, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { htmlFlow } from 'micromark-core-commonmark';
import { isParagraphToRedcarpet } from './redcarpet-html-names';

const LESS_THAN = 60;
const SLASH = 47;
const DASH = 45;

const isAsciiAlpha = (code: Code) => code !== null && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
const isAsciiAlphanumeric = (code: Code) => isAsciiAlpha(code) || (code !== null && code >= 48 && code <= 57);

/**
 * Succeeds at a start or end tag of an element that was a paragraph to Redcarpet (`<a href>`,
 * `<img>`, `<span>`: redcarpet-html-names.ts). Only looked at, never kept.
 */
const inlineElementTag: Construct = {
  partial: true,
  tokenize(effects: Effects, ok: State, nok: State): State {
    let name = '';
    const start: State = (code) => {
      effects.enter('data');
      effects.consume(code);
      return slash;
    };
    const slash: State = (code) => {
      if (code !== SLASH) return first(code);
      effects.consume(code);
      return first;
    };
    const first: State = (code) => (isAsciiAlpha(code) ? letter(code) : nok(code));
    const letter: State = (code) => {
      if (isAsciiAlphanumeric(code) || code === DASH) {
        name += String.fromCharCode(code!);
        effects.consume(code);
        return letter;
      }
      effects.exit('data');
      return isParagraphToRedcarpet(name) ? ok(code) : nok(code);
    };
    return start;
  },
};

/**
 * micromark's HTML blocks as Redcarpet read them in Slate's format:
 * - none starts on a line of a paragraph: HTML written right under a paragraph's line (`Intro:`,
 *   then `<aside class="notice">Note *this*</aside>`) is text of the paragraph (Redcarpet ends a
 *   paragraph at HTML only with `lax_spacing`, which Slate's config.rb does not set), so the
 *   Markdown in it is rendered, as Slate showed it. CommonMark starts an HTML block there, whose
 *   Markdown stays as written;
 * - none starts with an element Redcarpet did not take for a block: `<a href="…">`, then
 *   `![flow](/images/flow.jpg)</a>` on the next line is a paragraph whose image shows, as in
 *   Slate; CommonMark made the lines a block of raw HTML and showed the image's Markdown as text.
 *   A line of such tags alone (`<img src="a.png">`) is a paragraph too, as Redcarpet wrapped it;
 * - none starts indented: Redcarpet took a line for HTML only with its `<` first (in its container),
 *   so ` <table>` (Zego's docs) was a paragraph whose Markdown (code spans, `\[`) was rendered.
 */
const tokenize: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  if (this.interrupt || isIndented(this)) return nok;
  const block = htmlFlow.tokenize.call(this, effects, ok, nok);
  return (code) => effects.check(inlineElementTag, nok, block)(code);
};

/** Whether the line has blanks before the construct, beyond its container's prefix (micromark's `linePrefix`). */
function isIndented(context: TokenizeContext): boolean {
  const tail = context.events[context.events.length - 1];
  return tail !== undefined && tail[1].type === 'linePrefix' && tail[1].end.line === context.now().line;
}

const paragraphKeepingHtmlFlow: Construct = { ...htmlFlow, name: 'redcarpetHtmlFlow', tokenize };

const redcarpetHtmlFlow: Extension = { disable: { null: ['htmlFlow'] }, flow: { [LESS_THAN]: paragraphKeepingHtmlFlow } };

/** The remark plugin for Slate's own format (render-part.ts). */
export default function remarkRedcarpetHtml(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: Extension[] };
  (data.micromarkExtensions ??= []).push(redcarpetHtmlFlow);
}
