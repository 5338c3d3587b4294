import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { BarChart } from './bar-chart';

const bars = [
  { label: 'Tools', value: 8, valueText: '8 (50%)' },
  { label: 'Seating', value: 6, valueText: '6 (38%)' },
  { label: 'Lighting <and> power for every workbench in the new makerspace', value: 2, valueText: '2 (13%)' },
];

describe('BarChart', () => {
  it('draws bars as SVG attributes, scaled to the largest value, hidden beside a table', () => {
    const html = renderToString(<BarChart bars={bars} />);
    assert.match(html, /^<svg class="bar-chart" viewBox="0 0 400 138" width="100%"[^>]* aria-hidden="true">/);
    assert.doesNotMatch(html, /role=|style=/);
    const widths = [...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(widths, [304, 228, 76]);
    assert.match(html, /<text class="bar-chart-figure" x="310" y="36">8 \(50%\)<\/text>/);
    assert.match(html, />Lighting &lt;and> power for every workbench in…<\/text>/, 'long labels are shortened and escaped');
  });

  it('stands alone as an image with a summary, against a given maximum', () => {
    const html = renderToString(<BarChart bars={bars.slice(0, 1)} max={16} label="Tools got half of all dots" />);
    assert.match(html, /role="img" aria-label="Tools got half of all dots"/);
    assert.doesNotMatch(html, /aria-hidden/);
    assert.match(html, /<rect [^>]*width="152"/);
  });

  it('draws empty bars when there is nothing to count, and never past the maximum', () => {
    const none = renderToString(<BarChart bars={[{ label: 'None', value: 0, valueText: '0' }]} />);
    assert.match(none, /<rect [^>]*width="0"/);
    const over = renderToString(<BarChart bars={[{ label: 'Over', value: 12, valueText: '12' }]} max={10} />);
    assert.match(over, /<rect [^>]*width="304"/);
  });
});
