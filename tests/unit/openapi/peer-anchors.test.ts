import { describe, expect, test } from 'vitest';
import { redocSlug } from '../../../src/openapi/peer-anchors';

describe("Redoc's slug of a tag's name", () => {
  test.each([
    ['Domain Records', 'Domain-Records'],
    ['1-Click Applications', '1-Click-Applications'],
    ['Floating IP  Actions', 'Floating-IP-Actions'],
    ['Café & Bar', 'Cafe-Bar'],
    ['pets', 'pets'],
    ['  spaced - out ', 'spaced-out'],
    ['日本', '日本'],
  ])('%s → %s', (name, slug) => {
    expect(redocSlug(name)).toBe(slug);
  });
});
