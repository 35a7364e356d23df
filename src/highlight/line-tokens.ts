import type { Highlighter } from 'shiki';

/** A run of a line with one colour and font style, as shiki's codeToTokens gives it. */
export interface LineToken {
  content: string;
  color: string;
  fontStyle: number;
}

type Grammar = ReturnType<Highlighter['getLanguage']>;
type StateStack = Parameters<Grammar['tokenizeLine2']>[1];

/** The fields of vscode-textmate's state objects that decide how the next line is tokenized. */
interface StateFrame {
  parent: StateFrame | null;
  ruleId: number;
  beginRuleCapturedEOL: boolean;
  endRule: string | null;
  nameScopesList: ScopeFrame | null;
  contentNameScopesList: ScopeFrame | null;
}
interface ScopeFrame {
  parent: ScopeFrame | null;
  scopePath: { scopeName: string };
  tokenAttributes: number;
}

// vscode-textmate's encoding of a token's attributes (EncodedTokenMetadata).
const FONT_STYLE_MASK = 0x7800;
const FONT_STYLE_OFFSET = 11;
const FOREGROUND_MASK = 0xff8000;
const FOREGROUND_OFFSET = 15;

/** Lines remembered per process before the memory is dropped and filled again. */
const MAX_REMEMBERED_LINES = 200_000;

/**
 * Tokenizes code line by line exactly as shiki's `codeToTokens` does (same grammar, same theme,
 * no time limit), but remembers each line's tokens under the grammar state it started in.
 *
 * A TextMate grammar tokenizes a line from two things only: the line's text and the state the
 * previous line left (rule stack, end patterns, scopes). API docs repeat lines everywhere (the
 * same `curl -H "Authorization: …"`, the same client set-up, the same JSON fields), so a line met
 * again in the same state is not tokenized again. States are compared by their content, not by
 * identity, because every block builds its own state objects.
 */
export class LineTokenizer {
  private readonly grammars = new Map<
    string,
    { grammar: Grammar; cutsWords: boolean; lines: Map<number, Map<string, { tokens: LineToken[]; end: StateStack }>> }
  >();
  private stateIds = new Map<string, number>();
  private stateIdOf = new WeakMap<object, number>();
  private stateKeyOf = new WeakMap<object, string>();
  private scopeKeyOf = new WeakMap<object, string>();
  private remembered = 0;
  private readonly colorMap: string[];
  /** The theme's default text colour. */
  readonly foreground: string;
  /** Every colour the theme gives tokens, lower-cased. */
  readonly colors: readonly string[];

  constructor(
    private readonly shiki: Highlighter,
    theme: string,
  ) {
    const resolved = shiki.getInternalContext().setTheme(theme);
    this.colorMap = resolved.colorMap;
    this.foreground = resolved.theme.fg;
    this.colors = [...new Set(this.colorMap.filter(Boolean).map((color) => color.toLowerCase()))];
  }

  /** The tokens of each line of `code` in `language` (a loaded language, not 'text'). */
  tokenize(code: string, language: string): LineToken[][] {
    const entry = this.grammarEntry(language);
    const result: LineToken[][] = [];
    // No state: the grammar starts from its root and treats the line as the first (`\\A` matches).
    let state: StateStack | null = null;
    for (const line of code.split(/\r?\n/)) {
      // shiki gives an empty line no tokens and keeps the state of the line before it.
      if (line === '') {
        result.push([]);
        continue;
      }
      const stateId = this.idOf(state);
      let known = entry.lines.get(stateId);
      if (!known) entry.lines.set(stateId, (known = new Map()));
      let hit = known.get(line);
      if (!hit) {
        hit = this.tokenizeLine(entry.grammar, line, state, entry.cutsWords);
        if (++this.remembered > MAX_REMEMBERED_LINES) this.forget();
        else known.set(line, hit);
      }
      result.push(hit.tokens);
      state = hit.end;
    }
    return result;
  }

  /**
   * A line's tokens. Some grammars (WORD_CUTTING_GRAMMARS) take time that grows with the square of
   * a word's length: an 8,000-character base64 string in a JavaScript sample took 1.4 s, and GitHub's
   * spec has a 4,733-character one (0.8 s, more than all its other JavaScript). In those grammars a
   * line with such long words is tokenized with the middle of each cut out, then each cut is put back
   * into the token it fell in: there, a word's middle starts no token and ends none, whatever its
   * length. If a cut falls on a token's edge, the grammar read the word otherwise, and the whole
   * line is tokenized as it is.
   */
  private tokenizeLine(grammar: Grammar, line: string, state: StateStack | null, cutsWords: boolean): { tokens: LineToken[]; end: StateStack } {
    const shortened = cutsWords && line.length >= LONG_WORD_CHARS ? shortenWords(line) : undefined;
    if (shortened) {
      const short = this.tokenizeAsIs(grammar, shortened.text, state);
      const tokens = putBack(short.tokens, shortened.cuts);
      if (tokens) return { tokens, end: short.end };
    }
    return this.tokenizeAsIs(grammar, line, state);
  }

  private tokenizeAsIs(grammar: Grammar, line: string, state: StateStack | null): { tokens: LineToken[]; end: StateStack } {
    // No time limit (0): a limit leaves lines unhighlighted on a loaded machine.
    const { tokens: binary, ruleStack } = grammar.tokenizeLine2(line, state, 0);
    const count = binary.length / 2;
    const tokens: LineToken[] = [];
    for (let j = 0; j < count; j++) {
      const start = binary[2 * j]!;
      const end = j + 1 < count ? binary[2 * j + 2]! : line.length;
      if (start === end) continue;
      const metadata = binary[2 * j + 1]!;
      tokens.push({
        content: line.slice(start, end),
        color: this.colorMap[(metadata & FOREGROUND_MASK) >>> FOREGROUND_OFFSET] ?? '',
        fontStyle: (metadata & FONT_STYLE_MASK) >>> FONT_STYLE_OFFSET,
      });
    }
    return { tokens, end: ruleStack };
  }

  private grammarEntry(language: string) {
    let entry = this.grammars.get(language);
    if (!entry)
      this.grammars.set(language, (entry = { grammar: this.shiki.getLanguage(language), cutsWords: WORD_CUTTING_GRAMMARS.has(language), lines: new Map() }));
    return entry;
  }

  private forget(): void {
    for (const entry of this.grammars.values()) entry.lines.clear();
    this.stateIds = new Map();
    this.stateIdOf = new WeakMap();
    this.stateKeyOf = new WeakMap();
    this.scopeKeyOf = new WeakMap();
    this.remembered = 0;
  }

  /** A small number naming the state's content: equal states from different blocks get the same id. */
  private idOf(state: StateStack | null): number {
    if (state === null) return 0;
    const known = this.stateIdOf.get(state);
    if (known !== undefined) return known;
    const key = this.stateKey(state as unknown as StateFrame);
    let id = this.stateIds.get(key);
    if (id === undefined) this.stateIds.set(key, (id = this.stateIds.size + 1));
    this.stateIdOf.set(state, id);
    return id;
  }

  private stateKey(frame: StateFrame | null): string {
    if (!frame) return '';
    let key = this.stateKeyOf.get(frame);
    if (key === undefined) {
      // These are vscode-textmate's internal fields: if an upgrade renamed them, every state would
      // look alike and lines would get another state's tokens. Fail loudly instead.
      if (typeof frame.ruleId !== 'number' || !('endRule' in frame) || !('contentNameScopesList' in frame)) {
        throw new Error("shiki's grammar state has changed shape: src/highlight/line-tokens.ts must be updated for this shiki version.");
      }
      const own = [
        frame.ruleId,
        frame.beginRuleCapturedEOL ? 1 : 0,
        frame.endRule ?? '',
        this.scopeKey(frame.nameScopesList),
        this.scopeKey(frame.contentNameScopesList),
      ];
      key = `${this.stateKey(frame.parent)}\u0001${own.join('\u0002')}`;
      this.stateKeyOf.set(frame, key);
    }
    return key;
  }

  private scopeKey(scope: ScopeFrame | null): string {
    if (!scope) return '';
    let key = this.scopeKeyOf.get(scope);
    if (key === undefined) {
      key = `${this.scopeKey(scope.parent)}\u0003${scope.scopePath.scopeName}\u0004${scope.tokenAttributes}`;
      this.scopeKeyOf.set(scope, key);
    }
    return key;
  }
}

/**
 * The grammars whose time grows with the square of a word's length (8,000 characters: 0.4 to 4 s)
 * and whose tokens, checked on thousands of lines with long words in strings, comments, numbers and
 * code, are the same with the words' middles cut out. Others either take linear time (Python,
 * shell, JSON, Go, C#, Kotlin) or read a word's middle (JSON's numbers, Kotlin, F#, Fortran's
 * columns), so their lines are never cut.
 */
const WORD_CUTTING_GRAMMARS = new Set(['javascript', 'typescript', 'jsx', 'tsx', 'java', 'ruby', 'php', 'swift', 'rust', 'c', 'objective-c', 'dart', 'elixir']);
/** Words this long are cut (a 256-character word costs JavaScript's grammar about a millisecond). */
const LONG_WORD_CHARS = 256;
/** What is kept of each end of a long word. */
const KEPT_CHARS = 64;
const LONG_WORD = new RegExp(`[A-Za-z0-9_]{${LONG_WORD_CHARS},}`, 'g');

interface Cut {
  /** Where the cut is in the shortened line. */
  at: number;
  removed: string;
}

/** The line with the middle of each long word cut out, and the cuts; undefined when it has no long word. */
export function shortenWords(line: string): { text: string; cuts: Cut[] } | undefined {
  const cuts: Cut[] = [];
  let text = '';
  let copied = 0;
  for (const match of line.matchAll(LONG_WORD)) {
    const cutStart = match.index + KEPT_CHARS;
    const cutEnd = match.index + match[0].length - KEPT_CHARS;
    text += line.slice(copied, cutStart);
    cuts.push({ at: text.length, removed: line.slice(cutStart, cutEnd) });
    copied = cutEnd;
  }
  if (cuts.length === 0) return undefined;
  return { text: text + line.slice(copied), cuts };
}

/** The tokens with each cut's text put back into the token it fell inside; undefined when a cut is on a token's edge. */
export function putBack(tokens: readonly LineToken[], cuts: readonly Cut[]): LineToken[] | undefined {
  const out: LineToken[] = [];
  let start = 0;
  let next = 0;
  for (const token of tokens) {
    const end = start + token.content.length;
    let content = token.content;
    let inserted = 0;
    while (next < cuts.length && cuts[next]!.at < end) {
      const cut = cuts[next]!;
      if (cut.at <= start) return undefined;
      const at = cut.at - start + inserted;
      content = content.slice(0, at) + cut.removed + content.slice(at);
      inserted += cut.removed.length;
      next++;
    }
    out.push(content === token.content ? token : { ...token, content });
    start = end;
  }
  return next === cuts.length ? out : undefined;
}
