import { defineCollection } from 'astro:content';
import { pagesLoader } from './integration/pages-loader';
import { pageDataSchema } from './content/page-data';

/** One entry per output page, made by Shale's content loader from the content folder (see pages-loader.ts). */
export const collections = {
  pages: defineCollection({ loader: pagesLoader(), schema: pageDataSchema }),
};
