import { splitSnippet, unescapeHtml } from './snippet-parts';

describe('search snippets', () => {
  it('splits on the API markers and keeps everything else as text', () => {
    expect(splitSnippet('La <mark>subvention</mark> de la <mark>mairie</mark> arrive')).toEqual([
      { text: 'La ', match: false },
      { text: 'subvention', match: true },
      { text: ' de la ', match: false },
      { text: 'mairie', match: true },
      { text: ' arrive', match: false },
    ]);
  });

  it('turns escaped text back into characters, never into markup', () => {
    expect(splitSnippet('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>R&amp;D</mark>')).toEqual([
      { text: "<script>alert('x')</script> & ", match: false },
      { text: 'R&D', match: true },
    ]);
    expect(unescapeHtml('&amp;lt;')).toBe('&lt;');
  });

  it('survives a snippet without matches or with an unclosed marker', () => {
    expect(splitSnippet('rien ici')).toEqual([{ text: 'rien ici', match: false }]);
    expect(splitSnippet('début <mark>fin')).toEqual([{ text: 'début fin', match: false }]);
    expect(splitSnippet('')).toEqual([]);
  });
});
