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
    expect(html('snake_case_name and __init__ok')).toBe('<p>snake_case_name and __init__ok</p>');
  });

  it('does not end emphasis in the middle of a word', () => {
    expect(html('*foo*bar')).toBe('<p>*foo*bar</p>');
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
