import path from 'node:path';
import type { Element } from 'hast';

/**
 * Where a file of the content folder is edited, from the site's edit address (SHALE_EDIT_URL, which
 * edits the content folder): `https://github.com/org/repo/edit/main/content/` + `includes/_errors.md`.
 * None without an address, or for a file outside the folder.
 */
export function editAddress(editUrl: string | undefined, contentDir: string, file: string): string | undefined {
  if (!editUrl) return undefined;
  const relative = path.relative(contentDir, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return `${editUrl}${relative.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/**
 * A section's Edit link, put right after its heading: its visible text is "Edit"; its name says
 * which section ("Edit “Errors”"). Markdown pages get it in their HTML (compose-page.ts), MDX pages
 * in their tree (rehype-settle-document.ts).
 */
export function editLinkElement(href: string, title: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['edit-link'], href, rel: ['noopener'] },
    children: [
      { type: 'text', value: 'Edit' },
      { type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: ` “${title}”` }] },
    ],
  };
}
