import { describe, expect, test } from 'vitest';
import { isSafeUrl, sanitizeHtml } from '../../../src/openapi/safe-html';
import { descriptionMarkdown } from '../../../src/openapi/markdown-text';

describe('raw HTML from a spec', () => {
  test('keeps allowed elements and attributes', () => {
    expect(sanitizeHtml('<p class="x">a <b>b</b><br> <a href="https://e.com/" title="t">c</a></p>')).toEqual({
      html: '<p class="x">a <b>b</b><br> <a href="https://e.com/" title="t">c</a></p>',
      removed: [],
    });
  });

  test('removes scripts with their content, event handlers, frames and unsafe URLs, and says what', () => {
    const { html, removed } = sanitizeHtml(
      '<script>alert(1)</script><img src=x onerror=alert(1)><iframe src="javascript:alert(1)"></iframe><a href="jav&#x09;ascript:alert(1)">x</a><a href=" JAVASCRIPT:alert(1)">y</a><style>*{}</style>',
    );
    expect(html).toBe('<img src="x"><a>x</a><a>y</a>');
    expect(html).not.toMatch(/alert|onerror|javascript|iframe|style/i);
    expect(removed).toEqual([
      'a <script> element',
      'the onerror attribute of <img>',
      'a <iframe> element',
      'a href of <a> that is not a web address (jav&#x09;ascript:alert(1))',
      'a href of <a> that is not a web address ( JAVASCRIPT:alert(1))',
      'a <style> element',
    ]);
  });

  test('a < that starts no well-formed tag stays text, and unknown tags go', () => {
    // Browsers read `<svg/onload=…>` as an element: here it is escaped text.
    expect(sanitizeHtml('1 < 2 <blink>on</blink> <svg/onload=alert(1)>').html).toBe('1 &lt; 2 on &lt;svg/onload=alert(1)>');
  });

  test("harmless inline elements real specs use stay, without a warning (DigitalOcean's <nobr>)", () => {
    expect(sanitizeHtml('<nobr><code>droplet:update</code></nobr> <cite>RFC 6749</cite>')).toEqual({
      html: '<nobr><code>droplet:update</code></nobr> <cite>RFC 6749</cite>',
      removed: [],
    });
  });

  test("a tag no HTML has is the writer's text (Twilio's TwiML verbs), shown as written; a custom element's is a tag", () => {
    expect(sanitizeHtml('depends on the <Pay> Connector; use <Dial timeout="5"> or </Say>')).toEqual({
      html: 'depends on the &lt;Pay&gt; Connector; use &lt;Dial timeout="5"&gt; or &lt;/Say&gt;',
      removed: [],
    });
    expect(sanitizeHtml('<my-widget onload="x()">hi</my-widget> <blink>on</blink>')).toEqual({
      html: 'hi on',
      removed: ['a <my-widget> tag', 'a <blink> tag'],
    });
  });

  test('URLs: web, mail and relative ones are safe; scripts and data are not', () => {
    for (const url of ['https://a.b/', 'mailto:x@y.z', '/docs', '#errors', '//cdn.example.com/x.png']) expect(isSafeUrl(url)).toBe(true);
    for (const url of ['javascript:x', 'JaVaScRiPt:x', 'java\nscript:x', 'data:text/html,x', 'vbscript:x', 'javascript&colon;x'])
      expect(isSafeUrl(url)).toBe(false);
  });

  test('an inline <script> in Markdown loses its text too', () => {
    const { markdown, removed } = descriptionMarkdown('Lists dogs, <b>newest</b> first.<script>alert(1)</script> Done.', 'md');
    expect(markdown).toBe('Lists dogs, <b>newest</b> first. Done.');
    expect(removed).toEqual(['a <script> element']);
  });

  test('in MDX, raw HTML becomes its text and braces are escaped', () => {
    const { markdown } = descriptionMarkdown('Use <code>{id}</code> or {name}; 1 < 2.<br>Next <img src="javascript:x" onerror="y">', 'mdx');
    expect(markdown).not.toMatch(/<code>|<br|<img/);
    expect(markdown).toContain('\\{name}');
    expect(markdown).toContain('1 \\< 2');
  });
});
