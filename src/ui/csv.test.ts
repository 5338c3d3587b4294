import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import type { Readable } from 'node:stream';
import { csvStream, safeCell } from './csv';

/** The whole stream as text, keeping the byte-order mark (TextDecoder would drop it). */
const text = async (stream: Readable) => (await buffer(stream)).toString('utf8');

describe('CSV exports', () => {
  it('turns cells a spreadsheet would run as formulas into plain text', () => {
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(safeCell(risky), `'${risky}`);
    for (const plain of ['name@example.org', 'a=b', '', '1']) assert.equal(safeCell(plain), plain);
    assert.equal(safeCell(null), '');
    assert.equal(safeCell(-5), "'-5");
  });

  it('writes RFC 4180 rows with quoting and CRLF line ends, after a byte-order mark', async () => {
    const csv = await text(
      csvStream([
        ['Email', 'Note'],
        ['a@example.org', 'Says "hi", then =HYPERLINK("http://evil.example")'],
      ]),
    );
    assert.equal(csv, '\uFEFFEmail,Note\r\na@example.org,"Says ""hi"", then =HYPERLINK(""http://evil.example"")"\r\n');
    assert.equal(await text(csvStream([['=cmd|calc']])), "\uFEFF'=cmd|calc\r\n");
  });

  it('streams rows from an async source as they come', async () => {
    async function* rows() {
      yield ['Name'];
      for (let i = 0; i < 3; i += 1) yield [`Añasco ${i}`];
    }
    assert.equal(await text(csvStream(rows())), '\uFEFFName\r\nAñasco 0\r\nAñasco 1\r\nAñasco 2\r\n');
  });

  it('ends the stream with the error when the source fails', async () => {
    async function* failing() {
      yield ['Name'];
      throw new Error('database gone');
    }
    await assert.rejects(text(csvStream(failing())), /database gone/);
  });
});
