import type { Code, Construct, Extension, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { attention } from 'micromark-core-commonmark';
import { classifyCharacter } from 'micromark-util-classify-character';

const ASTERISK = 42;
const UNDERSCORE = 95;
/** What classifyCharacter says of a punctuation character (letters and digits are `undefined`). */
const PUNCTUATION = 2;

/** An ASCII letter or digit: a word character to Redcarpet, which reads bytes. */
const isAsciiAlphanumeric = (code: Code): boolean => code !== null && ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122));

/**
 * micromark's emphasis tokenizer with Redcarpet's `no_intra_emphasis` (Slate's setting) in place of
 * CommonMark's intra-word rules, for `*` and `_` alike:
 * - a run right after an ASCII letter or digit opens nothing (`foo*bar*baz`, `snake_case_name`,
 *   `a**b**c` stay as written);
 * - a single marker right before an ASCII letter or digit closes nothing (`*foo*bar` stays as
 *   written), but a double one does (`**course**s` and `__init__ok` are strong, as in Slate), after
 *   punctuation too (`**?**string`, where CommonMark's flanking rules kept it as written).
 * Letters outside ASCII are no word characters to Redcarpet (it reads bytes), so
 * `**中文**说明` and `**ping リクエスト**の送信` are strong, where CommonMark's rules kept them as
 * written. Otherwise a run opens and closes where CommonMark's flanking rules let it. Only the
 * flanking decision differs from micromark's own (micromark-core-commonmark/lib/attention.js);
 * resolving the runs is left to micromark.
 */
const tokenizeAttention: Tokenizer = function (this: TokenizeContext, effects, ok) {
  const attentionMarkers = this.parser.constructs.attentionMarkers.null ?? [];
  const previous = this.previous;
  const before = classifyCharacter(previous);
  let marker: Code;
  let size = 0;

  const inside: State = (code) => {
    if (code === marker) {
      effects.consume(code);
      size++;
      return inside;
    }
    const token = effects.exit('attentionSequence');
    const after = classifyCharacter(code);
    const isOtherMarker = (value: Code) => attentionMarkers.includes(value as number) && value !== ASTERISK && value !== UNDERSCORE;
    const open = !after || (after === PUNCTUATION && !!before) || isOtherMarker(code);
    // A double run after punctuation closes before a letter too (`**?**string` is strong, as in Slate).
    const close = !before || (before === PUNCTUATION && (!!after || size > 1)) || isOtherMarker(previous);
    token._open = open && !isAsciiAlphanumeric(previous);
    token._close = close && !(size === 1 && isAsciiAlphanumeric(code));
    return ok(code);
  };

  return (code) => {
    marker = code;
    effects.enter('attentionSequence');
    return inside(code);
  };
};

const noIntraAttention: Construct = { name: 'attention', tokenize: tokenizeAttention, resolveAll: attention.resolveAll };

/** The micromark extension: tried before the built-in emphasis at `*` and `_` (and it always matches). */
export const noIntraEmphasis: Extension = { text: { [ASTERISK]: noIntraAttention, [UNDERSCORE]: noIntraAttention } };
