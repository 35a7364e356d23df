import { defineCollection } from 'astro:content';
import { handedOverLoader } from './integration/loader-handoff';

/** One entry per output page, made by Shale's loader from the content folder (see loader-handoff.ts). */
export const collections = {
  pages: defineCollection({ loader: handedOverLoader() }),
};
