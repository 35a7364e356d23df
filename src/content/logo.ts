import fs from 'node:fs';
import path from 'node:path';
import { contentDirectory } from '../integration/settings';

/** Where Slate keeps its logo; Slate shows it at the top of the navigation, in place of a title. */
export const SLATE_LOGO = 'images/logo.png';

/** Whether the content folder has Slate's logo (looked at for every page: one added in `npm run dev` shows on the next reload). */
export const hasSlateLogo = (): boolean => fs.existsSync(path.join(contentDirectory(), SLATE_LOGO));
