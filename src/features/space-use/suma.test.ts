import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSumaExport, sweepsOf, type SumaExport } from './suma';

// Synthetic samples in Suma's two layouts; fixtures/README.md gives the totals checked here.
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const unprocessed = fixture('raw-unprocessed.csv');
const report = fixture('raw-report.csv');

const HEADER = 'Count Date,Session Start,Session End,Count ID,Session ID,Location,Reading,Making';
const TIMES = '2018-03-05 10:06:00,2018-03-05 10:05:00,2018-03-05 10:12:00';

/** An unprocessed-layout file from data lines (Count ID, Session ID and what follows). */
const rawFile = (...rows: string[]) => [HEADER, ...rows.map((row) => `${TIMES},${row}`)].join('\n') + '\n';

/** People per leaf title, summed over every count action. */
function totalsByZone(parsed: SumaExport): Record<string, number> {
  const titles = new Map(parsed.locations.map((location) => [location.id, location.leafTitle]));
  const totals: Record<string, number> = {};
  for (const { locationId, count } of parsed.counts) {
    const title = titles.get(locationId) ?? '?';
    totals[title] = (totals[title] ?? 0) + count;
  }
  return totals;
}

describe('Suma raw-data exports: the sample files', () => {
  for (const [name, text] of [
    ['raw-unprocessed.csv', unprocessed],
    ['raw-report.csv', report],
  ] as const) {
    it(`${name}: the README's totals, with no problems`, () => {
      const parsed = parseSumaExport(text);
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.counts.length, 406);
      assert.equal(parsed.counts.filter((action) => action.count === 0).length, 22);
      assert.equal(new Set(parsed.counts.map((action) => action.sessionId)).size, 36);
      assert.deepEqual(totalsByZone(parsed), {
        Makerspace: 81,
        'Reading Room, North': 133,
        'Teen Corner': 58,
        "Children's Area": 112,
      });
      assert.equal(
        parsed.counts.reduce((sum, action) => sum + action.count, 0),
        384,
      );
      assert.equal(parsed.activityTagged, true);
      assert.deepEqual(parsed.activities, ['Reading', 'Using computers', 'Making', 'Group work', 'Talking']);
      assert.deepEqual(parsed.locations, [
        { id: 4, title: 'Main Library-Makerspace', leafTitle: 'Makerspace' },
        { id: 5, title: 'Main Library-Reading Room, North', leafTitle: 'Reading Room, North' },
        { id: 6, title: 'Main Library-Teen Corner', leafTitle: 'Teen Corner' },
        { id: 7, title: "Main Library-Children's Area", leafTitle: "Children's Area" },
      ]);
    });
  }

  it('recognises each layout; only the report carries the initiative title', () => {
    const raw = parseSumaExport(unprocessed);
    const rep = parseSumaExport(report);
    assert.equal(raw.layout, 'unprocessed');
    assert.equal(raw.initiativeTitle, undefined);
    assert.equal(rep.layout, 'report');
    assert.equal(rep.initiativeTitle, 'Main Floor Headcount');
  });

  it('reads the same count actions from both files (every count here is 1, so even the numbers agree)', () => {
    const raw = parseSumaExport(unprocessed).counts;
    const rep = parseSumaExport(report).counts;
    assert.deepEqual(rep, raw);
    assert.equal(new Set(raw.map((action) => action.countId)).size, 406);
  });

  it('keeps the first row as written: local times without a zone, the tagged activities, the count', () => {
    assert.deepEqual(parseSumaExport(unprocessed).counts[0], {
      countId: 1406,
      sessionId: 236,
      countedAt: '2018-03-17 17:15:35',
      sessionStart: '2018-03-17 17:05:53',
      sessionEnd: '2018-03-17 17:16:09',
      locationId: 7,
      activities: ['Using computers'],
      count: 1,
    });
  });

  it('reads a byte-order mark and \\r\\n line ends the same as the plain file', () => {
    const crlf = (text: string) => '\ufeff' + text.replace(/\n/g, '\r\n');
    assert.deepEqual(parseSumaExport(crlf(unprocessed)), parseSumaExport(unprocessed));
    assert.deepEqual(parseSumaExport(crlf(report)), parseSumaExport(report));
  });
});

describe('Suma raw-data exports: sweeps', () => {
  const sweeps = sweepsOf(parseSumaExport(unprocessed).counts);

  it('makes one sweep per session and location: every zone was looked at in each of the 36 sessions', () => {
    assert.equal(sweeps.length, 36 * 4);
    assert.equal(
      sweeps.reduce((sum, sweep) => sum + sweep.people, 0),
      384,
    );
    assert.equal(
      sweeps.reduce((sum, sweep) => sum + sweep.countActions, 0),
      406,
    );
  });

  it('sums a zone’s count actions and its people per activity', () => {
    const sweep = sweeps.find((s) => s.sessionId === 236 && s.locationId === 7);
    assert.deepEqual(sweep, {
      sessionId: 236,
      sessionStart: '2018-03-17 17:05:53',
      sessionEnd: '2018-03-17 17:16:09',
      locationId: 7,
      people: 6,
      countActions: 6,
      byActivity: { 'Using computers': 5, Talking: 1 },
    });
  });

  it('gives 0 people, not a missing sweep, for a zone with only a placeholder ("looked, nobody there")', () => {
    const sweep = sweeps.find((s) => s.sessionId === 235 && s.locationId === 5);
    assert.equal(sweep?.people, 0);
    assert.equal(sweep?.countActions, 1);
    assert.deepEqual(sweep?.byActivity, {});
  });

  it('orders sweeps by session start, then session, then location', () => {
    const keys = sweeps.map((s) => `${s.sessionStart}/${s.sessionId}/${s.locationId}`);
    assert.deepEqual(keys, [...keys].sort());
    assert.equal(keys[0], '2018-03-05 10:05:09/201/4');
  });

  it('counts a multi-count action by its number', () => {
    const parsed = parseSumaExport(rawFile('1,1,Main Library-Lab (id:2),3,3', '2,1,Main Library-Lab (id:2),,2'));
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      sweepsOf(parsed.counts).map(({ people, byActivity }) => ({ people, byActivity })),
      [{ people: 5, byActivity: { Reading: 3, Making: 5 } }],
    );
  });
});

describe('Suma raw-data exports: unusual and malformed input', () => {
  it('reports each bad row by its line number and keeps the good rows', () => {
    const parsed = parseSumaExport(
      rawFile(
        '1,1,Main Library-Lab (id:2),1,', // line 2: good
        '2,1,Main Library-Lab (id:2),1', // line 3: a column short
        '3,1,Main Library-Lab (id:2),1,,', // line 4: a column too many
        '4,1,Main Library-Lab,1,', // line 5: no id
        'x,1,Main Library-Lab (id:2),1,', // line 6: not an id
        '1,1,Main Library-Lab (id:2),,1', // line 7: Count ID 1 again
        '7,1,Main Library-Lab (id:2),1.5,', // line 8: not a whole number
        '8,1,Main Library-Lab (id:2),2,3', // line 9: two numbers for one count
        '9,1,Main Library-Lab (id:2),,1', // line 10: good
      ),
    );
    assert.deepEqual(parsed.problems, [
      { line: 3, code: 'column-count', expected: 8, found: 7 },
      { line: 4, code: 'column-count', expected: 8, found: 9 },
      { line: 5, code: 'bad-location', column: 'Location', value: 'Main Library-Lab' },
      { line: 6, code: 'bad-id', column: 'Count ID', value: 'x' },
      { line: 7, code: 'duplicate-count-id', column: 'Count ID', value: '1' },
      { line: 8, code: 'bad-count', column: 'Reading', value: '1.5' },
      { line: 9, code: 'mixed-counts', value: '2,3' },
    ]);
    assert.deepEqual(
      parsed.counts.map((action) => action.countId),
      [1, 9],
    );
  });

  it('reports a row whose session start or end differs from its session’s first row', () => {
    const parsed = parseSumaExport(
      [
        HEADER,
        '2018-03-05 10:06:00,2018-03-05 10:05:00,2018-03-05 10:12:00,1,1,Main Library-Lab (id:2),1,',
        '2018-03-05 10:07:00,2018-03-05 10:05:00,2018-03-05 10:13:00,2,1,Main Library-Lab (id:2),1,',
        '2018-03-05 10:08:00,2018-03-05 10:05:00,2018-03-05 10:12:00,3,1,Main Library-Lab (id:2),1,',
      ].join('\n'),
    );
    assert.deepEqual(parsed.problems, [{ line: 3, code: 'session-times-differ', column: 'Session ID', value: '1' }]);
    assert.deepEqual(
      parsed.counts.map((action) => action.countId),
      [1, 3],
    );
  });

  it('refuses dates that are not real or not in Suma’s form, naming the column', () => {
    const parsed = parseSumaExport(
      [
        HEADER,
        '2018-02-30 10:06:00,2018-03-05 10:05:00,2018-03-05 10:12:00,1,1,Main Library-Lab (id:2),1,',
        '2018-03-05 10:06:00,2018-03-05T10:05:00,2018-03-05 10:12:00,2,1,Main Library-Lab (id:2),1,',
        '2018-03-05 10:06:00,2018-03-05 10:05:00,2018-03-05 24:12:00,3,1,Main Library-Lab (id:2),1,',
      ].join('\n'),
    );
    assert.deepEqual(parsed.problems, [
      { line: 2, code: 'bad-date', column: 'Count Date', value: '2018-02-30 10:06:00' },
      { line: 3, code: 'bad-date', column: 'Session Start', value: '2018-03-05T10:05:00' },
      { line: 4, code: 'bad-date', column: 'Session End', value: '2018-03-05 24:12:00' },
    ]);
    assert.deepEqual(parsed.counts, []);
  });

  it('counts lines inside a quoted title that spans lines, with \\r\\n line ends too', () => {
    const text = rawFile('1,1,"Main Library-Kids\' ""Quiet""\nRoom (id:3)",1,', '2,1,Main Library-Lab (id:2),1');
    for (const input of [text, text.replace(/\n/g, '\r\n')]) {
      const parsed = parseSumaExport(input);
      assert.deepEqual(parsed.problems, [{ line: 4, code: 'column-count', expected: 8, found: 7 }]);
      assert.deepEqual(parsed.locations, [{ id: 3, title: 'Main Library-Kids\' "Quiet"\nRoom', leafTitle: 'Kids\' "Quiet"\nRoom' }]);
    }
  });

  it('reports broken quoting at its line and reads nothing, since no later record can be trusted', () => {
    const parsed = parseSumaExport(rawFile('1,1,Main Library-Lab (id:2),1,', '2,1,"Main Library-Lab (id:2)"x,1,'));
    assert.deepEqual(parsed.problems, [{ line: 3, code: 'broken-quoting', value: 'CSV_INVALID_CLOSING_QUOTE' }]);
    assert.deepEqual(parsed.counts, []);
  });

  it('says a file without Suma’s header line is not an export, once', () => {
    for (const text of ['', 'name,email\nAda,ada@example.org\n', 'Main Floor Headcount\n']) {
      assert.deepEqual(parseSumaExport(text).problems, [{ line: 1, code: 'no-header' }], JSON.stringify(text));
    }
  });

  it('reports a header whose fixed columns are not Suma’s, and the rows under it', () => {
    const parsed = parseSumaExport(HEADER.replace('Session Start', 'Start') + '\n' + `${TIMES},1,1,Main Library-Lab (id:2),1,\n`);
    assert.deepEqual(parsed.problems, [
      { line: 1, code: 'bad-header', value: 'Count Date,Start,Session End,Count ID,Session ID,Location' },
      { line: 2, code: 'unknown-line', value: `${TIMES},1,1,Main Library-Lab (id:2),1,` },
    ]);
  });

  it('in the report layout, reports rows outside a day block and cells other than 1', () => {
    const row = (id: number, cells: string) => `${TIMES},${id},1,Main Library-Lab (id:2),${cells}`;
    const parsed = parseSumaExport(
      [
        'Main Floor Headcount',
        '2018-03-05 to 2018-03-05',
        'Raw Report',
        row(1, '1,'), // line 4: before any header
        '2018-03-05',
        HEADER,
        row(2, '1,'), // line 7: good
        row(3, '2,'), // line 8: the report holds 1 for a tagged activity
        '',
        '2018-03-04',
        row(4, '1,'), // line 11: the day's header line is missing
        HEADER,
        row(5, ',1'), // line 13: good
      ].join('\n'),
    );
    assert.equal(parsed.layout, 'report');
    assert.deepEqual(parsed.problems, [
      { line: 4, code: 'unknown-line', value: row(1, '1,') },
      { line: 8, code: 'bad-count', column: 'Reading', value: '2' },
      { line: 11, code: 'unknown-line', value: row(4, '1,') },
    ]);
    assert.deepEqual(
      parsed.counts.map((action) => action.countId),
      [2, 5],
    );
  });

  it('takes every row as a count of 1 when the file has no activity values at all', () => {
    const parsed = parseSumaExport(
      [
        'Count Date,Session Start,Session End,Count ID,Session ID,Location',
        `${TIMES},1,1,Main Library-Floor 2-Study Rooms (id:9)`,
        `${TIMES},2,1,Main Library-Floor 2-Study Rooms (id:9)`,
      ].join('\n'),
    );
    assert.equal(parsed.activityTagged, false);
    assert.deepEqual(parsed.activities, []);
    assert.deepEqual(
      parsed.counts.map(({ count, activities }) => ({ count, activities })),
      [
        { count: 1, activities: [] },
        { count: 1, activities: [] },
      ],
    );
    assert.deepEqual(parsed.locations, [{ id: 9, title: 'Main Library-Floor 2-Study Rooms', leafTitle: 'Study Rooms' }]);
  });
});
