import { defineCollection } from 'astro:content';
import { shaleLoader } from './integration/loader';

/** One entry per output page, made by Shale's loader from the content folder. */
export const collections = {
  pages: defineCollection({ loader: shaleLoader() }),
};
