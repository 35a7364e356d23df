import type { Code, Root } from 'mdast';
import { walk } from './walk';
import type { VFile } from 'vfile';
import { report } from './context';

/** Container markers a fence line may sit behind: blockquote `>`s and indentation (lists). */
const CONTAINER_PREFIX = /^(?:[ \t]*>)*[ \t]*/;
const OPENING = /^(`{3,}|~{3,})(.*)$/;
const CLOSING = /^(`{3,}|~{3,})[ \t]*$/;

/**
 * A code fence that is never closed turns the rest of its file into code: Markdown has no syntax
 * errors, so this is the mistake that silently swallows a page. It is an error, or a warning in
 * Slate's own format (Redcarpet read the file the same way, so Slate docs build unchanged).
 * Each file of a page is parsed on its own (render-page.ts), so the damage stops at the file's end.
 */
export default function remarkCheckFences() {
  return (tree: Root, file: VFile) => {
    if (file.value === undefined || file.value === '') return;
    const lines = String(file.value).split('\n');
    walk(tree, (found) => {
      if (found.type !== 'code') return;
      const node = found as Code;
      const start = node.position?.start.line;
      const end = node.position?.end.line;
      if (start === undefined || end === undefined) return;
      const opening = OPENING.exec((lines[start - 1] ?? '').replace(CONTAINER_PREFIX, ''));
      if (!opening) return;
      const fence = opening[1]!;
      const closing = end > start ? CLOSING.exec((lines[end - 1] ?? '').replace(CONTAINER_PREFIX, '')) : null;
      if (closing && closing[1]![0] === fence[0] && closing[1]!.length >= fence.length) return;
      const shown = `${fence}${opening[2]!.trim()}`;
      report(file, 'fence-unclosed', start, { shown, fence });
    });
  };
}
