import { describe, expect, test } from 'vitest';
import { redocSlug, withRedocSections } from '../../../src/openapi/peer-anchors';

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

describe("Redoc's anchors of the sections of a spec's description", () => {
  test('follow each h1 and h2, the h2 under its h1, and none in fenced code', () => {
    const markdown = [
      '# Introduction',
      '',
      'Hi.',
      '',
      '## Getting *started* now',
      '',
      '```md',
      '# Not a heading',
      '```',
      '',
      '### Deeper',
      '',
      '# Errors',
    ].join('\n');
    expect(withRedocSections(markdown)).toBe(
      [
        '# Introduction',
        '',
        '<div class="anchors"><span id="section/Introduction"></span></div>',
        '',
        'Hi.',
        '',
        '## Getting *started* now',
        '',
        '<div class="anchors"><span id="section/Introduction/Getting-started-now"></span></div>',
        '',
        '```md',
        '# Not a heading',
        '```',
        '',
        '### Deeper',
        '',
        '# Errors',
        '',
        '<div class="anchors"><span id="section/Errors"></span></div>',
      ].join('\n'),
    );
  });
});
