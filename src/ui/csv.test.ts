import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { safeCell, safeCsv } from './csv';

describe('safeCsv', () => {
  it('turns cells a spreadsheet would run as formulas into plain text', () => {
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(safeCell(risky), `'${risky}`);
    for (const plain of ['name@example.org', 'a=b', '', '1']) assert.equal(safeCell(plain), plain);
    assert.equal(safeCell(null), '');
    assert.equal(safeCell(-5), "'-5");
  });

  it('writes RFC 4180 rows with quoting and CRLF line ends', () => {
    const csv = safeCsv([
      ['Email', 'Note'],
      ['a@example.org', 'Says "hi", then =HYPERLINK("http://evil.example")'],
    ]);
    assert.equal(csv, 'Email,Note\r\na@example.org,"Says ""hi"", then =HYPERLINK(""http://evil.example"")"\r\n');
    assert.equal(safeCsv([['=cmd|calc']]), "'=cmd|calc\r\n");
  });
});
