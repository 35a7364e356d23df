/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const MARK = /<mark>([\s\S]*?)<\/mark>/g;
/** Pagefind escapes only `<` and `>` of the content before adding its `<mark>` tags: undo exactly that. */
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** A marked word's leading and trailing sentence punctuation (an ellipsis, a comma, quotes, brackets), which stays unmarked. */
const EDGES = /^([…,.;:!?"'“”‘’()[\]]*)([\s\S]*?)([…,.;:!?"'“”‘’()[\]]*)$/;

/**
 * Pagefind's excerpt (content text with `<mark>` around matched words) as plain text runs. Nothing
 * in it is ever used as HTML: the caller builds `mark` elements and text nodes from the runs, so a
 * `<img onerror>` in the docs, or anything else in the excerpt, stays text.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  let position = 0;
  for (const match of excerpt.matchAll(MARK)) {
    push(unescape(excerpt.slice(position, match.index)), false);
    // Pagefind marks a whole whitespace-separated word: the punctuation around it is not what matched.
    const [, before = '', word = '', after = ''] = EDGES.exec(unescape(match[1] ?? '')) ?? [];
    push(before, false);
    push(word, true);
    push(after, false);
    position = match.index + match[0].length;
  }
  push(unescape(excerpt.slice(position)), false);
  return parts;
}
