import type { Code, Construct, Extension, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { attention } from 'micromark-core-commonmark';
import { classifyCharacter } from 'micromark-util-classify-character';

const ASTERISK = 42;
const UNDERSCORE = 95;
/** What classifyCharacter says of a punctuation character (letters and digits are `undefined`). */
const PUNCTUATION = 2;

/**
 * micromark's emphasis tokenizer with CommonMark's underscore rule applied to `*` as well:
 * a run of `*` between two letters or digits neither opens nor closes emphasis, so
 * `foo*bar*baz` stays as written, as Redcarpet's `no_intra_emphasis` (Slate's setting) keeps it.
 * `_` already behaves so in CommonMark. Only the flanking decision differs from micromark's own
 * (micromark-core-commonmark/lib/attention.js); resolving the runs is left to micromark.
 */
const tokenizeAttention: Tokenizer = function (this: TokenizeContext, effects, ok) {
  const attentionMarkers = this.parser.constructs.attentionMarkers.null ?? [];
  const previous = this.previous;
  const before = classifyCharacter(previous);
  let marker: Code;

  const inside: State = (code) => {
    if (code === marker) {
      effects.consume(code);
      return inside;
    }
    const token = effects.exit('attentionSequence');
    const after = classifyCharacter(code);
    const isOtherMarker = (value: Code) => attentionMarkers.includes(value as number) && value !== ASTERISK && value !== UNDERSCORE;
    const open = !after || (after === PUNCTUATION && !!before) || isOtherMarker(code);
    const close = !before || (before === PUNCTUATION && !!after) || isOtherMarker(previous);
    // micromark lets `*` open and close whenever it flanks; this is its rule for `_`.
    token._open = open && (!!before || !close);
    token._close = close && (!!after || !open);
    return ok(code);
  };

  return (code) => {
    marker = code;
    effects.enter('attentionSequence');
    return inside(code);
  };
};

const noIntraAttention: Construct = { name: 'attention', tokenize: tokenizeAttention, resolveAll: attention.resolveAll };

/** The micromark extension: tried before the built-in emphasis at `*` (and it always matches). */
export const noIntraEmphasis: Extension = { text: { [ASTERISK]: noIntraAttention } };
