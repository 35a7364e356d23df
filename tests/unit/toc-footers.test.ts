import { describe, expect, it } from 'vitest';
import { checkFooter } from '../../src/schema/toc-footers';

describe('a toc_footers entry', () => {
  it('names each attribute it takes out as it is written in the HTML', () => {
    const result = checkFooter(
      '<div class="fb-like" data-width="100" data-show-faces="true" aria-label="x"><a href="https://example.com" style="color:red">Like</a></div>',
    );
    expect(result.problems.map((problem) => problem.facts)).toEqual([
      { attribute: 'data-width', tag: 'div' },
      { attribute: 'data-show-faces', tag: 'div' },
      { attribute: 'aria-label', tag: 'div' },
      { attribute: 'style', tag: 'a' },
    ]);
    expect(result.html).toBe('<div class="fb-like"><a href="https://example.com" rel="noopener noreferrer">Like</a></div>');
  });
});
