import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { assetType, isAssetFile, isInside, listAssets } from '../content/assets';

/**
 * Copies the content folder's assets (images, see content/assets.ts) into the built site at the
 * same paths, so `images/x.png` in the Markdown is `<base>images/x.png` on the site.
 * Returns how many files were copied.
 */
export function copyContentAssets(contentDir: string, outDir: string): number {
  const assets = listAssets(contentDir);
  for (const asset of assets) {
    const target = path.join(outDir, asset);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(contentDir, asset), target);
  }
  return assets.length;
}

type Next = (error?: unknown) => void;

/**
 * Serves the content folder's assets in `npm run dev` at the paths the build gives them
 * (`<base>images/x.png`), read from disk on every request so a new or edited image shows at once.
 * Anything else falls through to Astro.
 */
export function contentAssetMiddleware(contentDir: string, base: string) {
  return (request: IncomingMessage, response: ServerResponse, next: Next): void => {
    const url = (request.url ?? '').split(/[?#]/)[0]!;
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !url.startsWith(base)) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(url.slice(base.length));
    } catch {
      return next();
    }
    const file = path.join(contentDir, relative);
    if (!isInside(contentDir, file) || !isAssetFile(file, relative) || relative.split('/').some((part) => part.startsWith('.'))) return next();
    fs.stat(file, (error, stats) => {
      if (error || !stats.isFile()) return next();
      response.statusCode = 200;
      response.setHeader('Content-Type', assetType(file));
      response.setHeader('Content-Length', stats.size);
      response.setHeader('Cache-Control', 'no-cache');
      if (request.method === 'HEAD') return void response.end();
      fs.createReadStream(file).pipe(response);
    });
  };
}
