import type { Page } from '../content/site';
import { bodySegments } from '../content/source-file';
import type { PageContext, Segment } from './context';
import { lineBreaks } from '../content/line-breaks';

/**
 * The page as one document, its body then each include, with the segment table that maps every
 * line back to its file. `firstLine` is the document line where the text will start.
 */
export function assemble(page: Page, firstLine = 1): { text: string; segments: Segment[] } {
  const segments: Segment[] = [];
  const chunks: string[] = [];
  let line = firstLine;
  let offset = 0;
  for (const part of page.parts) {
    const body = part.body.endsWith('\n') ? part.body : `${part.body}\n`;
    const lineCount = lineBreaks(body);
    segments.push(...bodySegments(part, line, offset, lineCount));
    chunks.push(body, '\n');
    line += lineCount + 1;
    offset += body.length + 1;
  }
  return { text: chunks.join(''), segments };
}

/** The context the plugins need for a page (see PageContext). */
export function contextOf(page: Page, base: string, segments: Segment[]): PageContext {
  return {
    tabs: page.tabs,
    codeClipboard: page.frontMatter.code_clipboard,
    slate: page.slate,
    ...(page.headingIds ? { headingIds: page.headingIds } : {}),
    ...(page.smartypants ? { smartypants: true } : {}),
    base,
    contentDir: page.contentDir,
    segments,
    pageFile: page.file,
    footerAnchors: page.footers.flatMap((footer) => footer.anchors.map((anchor) => ({ anchor, line: footer.line }))),
    tocDepth: page.frontMatter.toc_depth,
  };
}
