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

  it('keeps an image (a licence badge, as Slate showed it) with its src, alt and size, and takes out a script URL or other attributes', () => {
    const badge = checkFooter(
      '<a href="https://creativecommons.org/licenses/by-sa/3.0/" target="_blank"><img src="/images/cc-by-sa.png" alt="CC BY-SA" width="88" class="img-license"></a>',
    );
    expect(badge.problems).toEqual([]);
    expect(badge.html).toBe(
      '<a href="https://creativecommons.org/licenses/by-sa/3.0/" target="_blank" rel="noopener noreferrer"><img src="/images/cc-by-sa.png" alt="CC BY-SA" width="88" class="img-license"></a>',
    );
    const unsafe = checkFooter('<img src="javascript:alert(1)" alt="x" srcset="a.png 2x" onerror="alert(1)"><img src="mailto:a@example.com" alt="y">');
    expect(unsafe.problems.map((problem) => problem.kind)).toEqual(['footer-unsafe-url', 'footer-attribute', 'footer-event-handler', 'footer-unsafe-url']);
    expect(unsafe.html).toBe('<img alt="x"><img alt="y">');
  });

  it('warns of an image without alt text, and keeps it', () => {
    const badge = checkFooter('<a href="https://www.postman.com/run"><img src="https://run.pstmn.io/button.svg"></a>');
    expect(badge.problems).toEqual([{ kind: 'footer-image-alt', facts: { src: 'https://run.pstmn.io/button.svg' } }]);
    expect(badge.html).toBe('<a href="https://www.postman.com/run" rel="noopener noreferrer"><img src="https://run.pstmn.io/button.svg"></a>');
  });
});
