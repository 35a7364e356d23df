import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { compile } from '@mdx-js/mdx';
import remarkSlateSyntax from '../../src/markdown/remark-slate-syntax';

const html = (markdown: string) =>
  String(unified().use(remarkParse).use(remarkSlateSyntax).use(remarkRehype).use(rehypeStringify).processSync(markdown)).trim();

describe('no intra-word emphasis (Redcarpet no_intra_emphasis)', () => {
  it('keeps asterisks between letters as written', () => {
    expect(html('foo*bar*baz')).toBe('<p>foo*bar*baz</p>');
    expect(html('a**b**c and 2*3*4')).toBe('<p>a**b**c and 2*3*4</p>');
  });

  it('keeps underscores inside words as written', () => {
    expect(html('snake_case_name and x__init__ and a_b_')).toBe('<p>snake_case_name and x__init__ and a_b_</p>');
  });

  it('does not end single emphasis right before a letter or digit, but ends strong emphasis there, as Redcarpet', () => {
    expect(html('*foo*bar and _it_text')).toBe('<p>*foo*bar and _it_text</p>');
    expect(html('two **course**s and __init__ok')).toBe('<p>two <strong>course</strong>s and <strong>init</strong>ok</p>');
    expect(html('type **?**string, or *?*x')).toBe('<p>type <strong>?</strong>string, or *?*x</p>');
  });

  it('reads letters outside ASCII as Redcarpet did, as no word characters: emphasis next to them works', () => {
    expect(html('**中文**说明 and 说明**中文**')).toBe('<p><strong>中文</strong>说明 and 说明<strong>中文</strong></p>');
    expect(html('**ping リクエスト**の送信, 中_x_中, é*y* z, ü**b**')).toBe(
      '<p><strong>ping リクエスト</strong>の送信, 中<em>x</em>中, é<em>y</em> z, ü<strong>b</strong></p>',
    );
  });

  it('still makes emphasis and strong emphasis around whole words', () => {
    expect(html('*one* **two** _three_ __four__ (*five*) ***six***')).toBe(
      '<p><em>one</em> <strong>two</strong> <em>three</em> <strong>four</strong> (<em>five</em>) <em><strong>six</strong></em></p>',
    );
    expect(html('*Add a new pet*, then **Note:** done.')).toBe('<p><em>Add a new pet</em>, then <strong>Note:</strong> done.</p>');
  });

  it('leaves strikethrough working', () => {
    expect(html('~~old~~ new')).toBe('<p><del>old</del> new</p>');
  });

  it('applies to MDX pages too', async () => {
    const code = String(await compile('foo*bar*baz and *yes*', { remarkPlugins: [remarkSlateSyntax] }));
    expect(code).toContain('"foo*bar*baz and "');
    expect(code).toMatch(/_components\.em, \{\s*children: "yes"/);
  });
});
