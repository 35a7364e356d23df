/** Longest description a page gets from its text: what search engines show of one (about 160 characters). */
const MAX_LENGTH = 160;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };

/**
 * A page's description made from its HTML: the text of its first paragraph of prose (not a note or
 * an aside's), tags and entities gone, cut at a word before 160 characters. `undefined` when the
 * page has no paragraph.
 */
export function firstParagraph(html: string): string | undefined {
  for (const match of html.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g)) {
    const before = html.slice(Math.max(0, html.lastIndexOf('<', match.index - 1)), match.index);
    // A paragraph right inside an aside or a blockquote is a note, not the page's opening.
    if (/^<(aside|blockquote)\b/.test(before)) continue;
    const text = match[1]!
      .replace(/<[^>]*>/g, '')
      // In one pass, so `&amp;lt;` stays `&lt;`. The HTML serializer writes `<` and `&` as `&#x3C;` and `&#x26;`.
      .replace(/&(amp|lt|gt|quot|nbsp|#\d+|#x[0-9a-f]+);/gi, (_, name: string) => ENTITIES[name] ?? String.fromCodePoint(Number(name.replace(/^#x/i, '0x').replace(/^#/, ''))))
      .replace(/\s+/g, ' ')
      .trim();
    if (text) return cut(text);
  }
  return undefined;
}

/** A description made from a paragraph's text: runs of spaces made one, cut as firstParagraph cuts. `undefined` for no text. */
export function describedBy(text: string): string | undefined {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean ? cut(clean) : undefined;
}

function cut(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  const end = text.lastIndexOf(' ', MAX_LENGTH - 1);
  return `${text.slice(0, end > MAX_LENGTH / 2 ? end : MAX_LENGTH - 1).replace(/[\s,;:.]+$/, '')}…`;
}
