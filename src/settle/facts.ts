/** A heading as the collector finds it, before the page gives it its id. */
export interface HeadingFact {
  level: number;
  /** Slate's id for it, before repeats are numbered. */
  base: string;
  /** An id the writer set in raw HTML (`<h2 id="x">`): kept as written. */
  fixed?: string;
  /** In Slate's format, a raw-HTML heading with no id (`<h2>Raw</h2>`): Slate gave it none, so it takes its id after Markdown's headings have theirs. */
  raw?: true;
  /** In a project whose ids NestingUniqueHeadCounter made: what a heading below it takes as its prefix (content/slug.ts, nestedBases). */
  nestKey?: string;
  /**
   * In Slate's format: the id Shins gave it before repeats are counted, where that differs from
   * `base` (or from `fixed`); `''` when Shins left it alone (content/shins-ids.ts).
   */
  shins?: string;
  /** Its inline HTML for the TOC, and its plain text. */
  html: string;
  text: string;
  /** The source file and line it is written at. */
  file: string;
  line?: number;
}

/** An id of another element (raw HTML `id=`), or a `#link` (`id` is then the decoded anchor). */
export interface MentionFact {
  id: string;
  file: string;
  line?: number;
  /**
   * An `<a name="x">` with no id, where a browser takes `#x` only when no element has that id; or an
   * anchor a spec's section carries for links written for another renderer, which yields the same way.
   */
  named?: true;
}
