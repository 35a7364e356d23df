import type { Processor } from 'unified';
import type { Code, Construct, Effects, Extension, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { blankLine, htmlFlow } from 'micromark-core-commonmark';
import { markdownLineEnding } from 'micromark-util-character';
import { isParagraphToRedcarpet, isRedcarpetOnlyBlock } from './redcarpet-html-names';

const LESS_THAN = 60;
const SLASH = 47;
const DASH = 45;
const SPACE = 32;
const GREATER_THAN = 62;

const isAsciiAlpha = (code: Code) => code !== null && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
const isAsciiAlphanumeric = (code: Code) => isAsciiAlpha(code) || (code !== null && code >= 48 && code <= 57);

/**
 * The states that read a tag's `<` and name (`</name` too when `closing`) as data, then hand the
 * name to `then` for the code after it.
 */
function tagName(effects: Effects, nok: State, closing: boolean, then: (name: string) => State): State {
  let name = '';
  const start: State = (code) => {
    effects.enter('data');
    effects.consume(code);
    return closing ? slash : first;
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
    return then(name)(code);
  };
  return start;
}

/**
 * Succeeds at a start or end tag of an element that was a paragraph to Redcarpet (`<a href>`,
 * `<img>`, `<span>`: redcarpet-html-names.ts). Only looked at, never kept.
 */
const inlineElementTag: Construct = {
  partial: true,
  tokenize(effects: Effects, ok: State, nok: State): State {
    return tagName(effects, nok, true, (name) => (code) => {
      effects.exit('data');
      return isParagraphToRedcarpet(name) ? ok(code) : nok(code);
    });
  },
};

/**
 * Succeeds at the first line of a block Redcarpet made and CommonMark does not: an element only
 * Redcarpet listed as a block (`<noscript>`, `<video>`, `<ins>`: redcarpet-html-names.ts) whose
 * first closing tag, when it is on this line, ends the line. `<del>old</del> text` was a paragraph
 * to Redcarpet too. Only looked at, never kept.
 */
const redcarpetOnlyOpening: Construct = {
  partial: true,
  tokenize(effects: Effects, ok: State, nok: State): State {
    return tagName(effects, nok, false, (name) => {
      let line = '';
      const rest: State = (code) => {
        if (code === null || markdownLineEnding(code)) {
          effects.exit('data');
          const closing = new RegExp(`</${name}\\s*>`, 'i').exec(line);
          return !closing || !line.slice(closing.index + closing[0].length).trim() ? ok(code) : nok(code);
        }
        // Tabs and their virtual spaces are negative codes: a blank either way.
        line += code < 0 ? ' ' : String.fromCharCode(code);
        effects.consume(code);
        return rest;
      };
      return (code) =>
        isRedcarpetOnlyBlock(name) && (code === null || code < 0 || code === SPACE || code === GREATER_THAN || code === SLASH) ? rest(code) : nok(code);
    });
  },
};

/** Succeeds at a line ending followed by a line of the same containers (not a lazy one). */
const sameContainersLine: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const after: State = (code) => (this.parser.lazy[this.now().line] ? nok(code) : ok(code));
    return (code) => {
      if (!markdownLineEnding(code)) return nok(code);
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return after;
    };
  },
};

/** Succeeds at a line ending followed by a blank line. */
const blankLineNext: Construct = {
  partial: true,
  tokenize(effects: Effects, ok: State, nok: State): State {
    return (code) => {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return effects.attempt(blankLine, ok, nok);
    };
  },
};

/**
 * The block such a line starts (redcarpetOnlyOpening): raw HTML to the next blank line, as
 * CommonMark's blocks run, with the tokens of micromark's HTML blocks. remark-html-block-end.ts ends
 * it after its closing tag, as Redcarpet did. Without it, `<noscript><img src="pixel.png"></noscript>`
 * was a paragraph, and a `<script>` on the next line became its text, Markdown (`a*b*c`) rendered.
 */
const redcarpetOnlyBlock = (effects: Effects, ok: State): State => {
  const data: State = (code) => {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('htmlFlowData');
      return code === null ? done(code) : effects.check(blankLineNext, done, lineEnd)(code);
    }
    effects.consume(code);
    return data;
  };
  const lineEnd: State = (code) => effects.attempt(sameContainersLine, lineStart, done)(code);
  const lineStart: State = (code) => {
    if (code === null || markdownLineEnding(code)) return code === null ? done(code) : lineEnd(code);
    effects.enter('htmlFlowData');
    return data(code);
  };
  const done: State = (code) => {
    effects.exit('htmlFlow');
    return ok(code);
  };
  return (code) => {
    effects.enter('htmlFlow');
    effects.enter('htmlFlowData');
    return data(code);
  };
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
 * - one starts with an element only Redcarpet took for a block, even with more after its tag
 *   (redcarpetOnlyBlock);
 * - none starts indented: Redcarpet took a line for HTML only with its `<` first (in its container),
 *   so ` <table>` (Zego's docs) was a paragraph whose Markdown (code spans, `\[`) was rendered.
 */
const tokenize: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  if (this.interrupt || isIndented(this)) return nok;
  const block = htmlFlow.tokenize.call(this, effects, ok, nok);
  const redcarpetBlock = redcarpetOnlyBlock(effects, ok);
  return (code) => effects.check(inlineElementTag, nok, (next) => effects.check(redcarpetOnlyOpening, redcarpetBlock, block)(next))(code);
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
