import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { markdownToText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('## Plan\n\nA **bold** [link](https://example.org) and a list:\n\n- one\n- two');
    assert.match(html, /<h2>Plan<\/h2>/);
    assert.match(html, /<strong>bold<\/strong>/);
    assert.match(html, /<a href="https:\/\/example.org" rel="noopener noreferrer">link<\/a>/);
    assert.match(html, /<li>two<\/li>/);
  });

  it('removes anything that could run script, whatever is pasted in', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src="https://x.example/a.png" onerror="alert(1)">',
      '[click](javascript:alert(1))',
      '<a href="JaVaScRiPt:alert(1)">x</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<div style="background:url(javascript:alert(1))">x</div>',
      '<svg><script>alert(1)</script></svg>',
      '<form action="https://evil.example"><input name="q"></form>',
      '![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
      '<a href="//evil.example">protocol-relative</a>',
    ].join('\n\n');
    const html = renderMarkdown(hostile);
    for (const forbidden of [/<script/i, /onerror/i, /javascript:/i, /<iframe/i, /style=/i, /<svg/i, /<form/i, /<input/i, /data:image/i, /href="\/\/evil/i]) {
      assert.doesNotMatch(html, forbidden);
    }
  });

  it('keeps the page title the only h1', () => {
    assert.match(renderMarkdown('# Heading'), /<h2>Heading<\/h2>/);
  });
});

describe('markdownToText', () => {
  it('gives plain text for excerpts and search', () => {
    assert.equal(markdownToText('## Title\n\nSome *emphasis* & [a link](https://example.org).'), 'Title Some emphasis & a link.');
  });
});
