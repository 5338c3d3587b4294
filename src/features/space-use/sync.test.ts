import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson } from '../../../tests/support/factories';
import { TEST_DIALECT } from '../../../tests/support/database';
import { newId } from '../../db/ids';
import type { WorkspaceLibrary } from '../workspace/contracts';
import { FUTURE_ALLOWANCE_MS, type Space } from './service';
import { syncPath } from './urls';

/*
 * A device syncing a few thousand sweeps through a network that loses
 * requests and replies, sends batches twice, delivers old copies late and
 * out of order, and a server that dies half-way through a batch. However the
 * records travel, the server stores each valid one exactly once, and the
 * device hears every refusal with its reason.
 */

/** A small seeded generator (mulberry32), so every run takes the same path through the faults. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface DeviceRecord {
  id: string;
  space: string;
  startedAt: string;
  endedAt: string | null;
  note: string;
  counts: Array<{ zone: string; people: number | null }>;
  confirmed?: boolean;
}

interface Ack {
  index: number;
  id: string | null;
  status: 'stored' | 'duplicate' | 'refused';
  reason?: string;
}

/** Raised by the proxy when the device hears nothing back. */
class Lost extends Error {}

const RECORDS = 2400;
const BATCH = 120;

describe(`space-use sync through a misbehaving network (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let library: WorkspaceLibrary;
  let space: Space;
  let client: TestClient;
  let token: string;

  before(async () => {
    t = await createTestApp();
    const made = await makeLibrary(t.app, { name: 'Sync Library' });
    library = { id: made.id, slug: made.slug, name: made.name, timeZone: made.timeZone };
    space = await t.app.services.spaceUse.createSpace(library.id, {
      name: 'Main room',
      zones: [
        { name: 'Tables', capacity: 10 },
        { name: 'Computers', capacity: 6 },
        { name: 'Children', capacity: 8 },
      ],
    });
    const staff = await makePerson(t.app, { role: 'staff', libraryId: library.id });
    const { token: session } = await t.app.services.accounts.createSession(staff.id, { userAgent: 'counter', ipAddress: '127.0.0.1' });
    client = new TestClient(t.app);
    client.setCookie('ss_session', session);
    token = await client.csrf();
  });
  after(() => t.close());

  it('stores every valid record once and reports every refused one, through drops, duplicates, reordering and a crash', async () => {
    const random = seeded(20261204);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const shuffle = <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    };

    // What the device records: mostly good sweeps, some the server must refuse.
    const base = Date.parse('2026-06-01T14:00:00.000Z');
    const expectedRefusal = new Map<string, string>();
    const records: DeviceRecord[] = [];
    for (let n = 0; n < RECORDS; n++) {
      const startedAt = new Date(base + n * 15 * 60_000).toISOString();
      const record: DeviceRecord = {
        id: newId(),
        space: space.id,
        startedAt,
        endedAt: null,
        note: n % 7 === 0 ? `Sweep ${n}` : '',
        counts: space.zones.filter(() => random() < 0.8).map((zone) => ({ zone: zone.id, people: random() < 0.2 ? null : Math.floor(random() * zone.capacity) })),
      };
      const flaw = random();
      if (flaw < 0.02) {
        record.counts = [{ zone: space.zones[0]!.id, people: -1 }];
        expectedRefusal.set(record.id, 'negative');
      } else if (flaw < 0.04) {
        record.counts = [{ zone: newId(), people: 2 }];
        expectedRefusal.set(record.id, 'unknown-zone');
      } else if (flaw < 0.06) {
        record.startedAt = new Date(Date.now() + 2 * FUTURE_ALLOWANCE_MS).toISOString();
        expectedRefusal.set(record.id, 'future');
      } else if (flaw < 0.08) {
        record.counts = [{ zone: space.zones[1]!.id, people: 61 }];
        expectedRefusal.set(record.id, 'unconfirmed-high');
      } else if (flaw < 0.1) {
        record.startedAt = 'yesterday afternoon';
        expectedRefusal.set(record.id, 'malformed');
      }
      records.push(record);
    }
    const valid = records.filter((r) => !expectedRefusal.has(r.id));

    // The server dies half-way through some batches: the records it had
    // committed stay, and no reply leaves, for this request or any other in
    // flight at that moment.
    const service = t.app.services.spaceUse;
    const recordSweep = service.recordSweep;
    let crashAfter: number | undefined;
    let crashes = 0;
    service.recordSweep = async (...args: Parameters<typeof recordSweep>) => {
      if (crashAfter !== undefined && crashAfter-- <= 0) {
        crashes++;
        throw new Error('server killed');
      }
      return recordSweep(...args);
    };

    // Each request meets the next fault of a seeded schedule, so every kind occurs in every run.
    const FAULTS = ['none', 'drop-request', 'none', 'drop-reply', 'twice', 'none', 'late', 'crash', 'drop-reply', 'none'] as const;
    const schedule = shuffle([...FAULTS]);
    // Old copies of requests that the network delivers late, after newer ones.
    const late: DeviceRecord[][] = [];
    const met = new Set<string>();
    let failures = 0;
    const send = (batch: DeviceRecord[]) => client.postRaw(syncPath(library), JSON.stringify({ _csrf: token, records: batch }), 'application/json');
    /** The acks of a reply, or Lost when the server failed (only ever because it was killed). */
    const acksOf = (response: Awaited<ReturnType<typeof send>>): Ack[] => {
      if (response.statusCode === 500) {
        failures++;
        throw new Lost();
      }
      assert.equal(response.statusCode, 200, response.body);
      return (response.json() as { results: Ack[] }).results;
    };
    let requests = 0;
    /** One request through the misbehaving network: the acks, or Lost. */
    async function proxy(batch: DeviceRecord[]): Promise<Ack[]> {
      const fault = schedule[requests++ % schedule.length]!;
      met.add(fault);
      switch (fault) {
        case 'drop-request':
          throw new Lost();
        case 'drop-reply':
          acksOf(await send(batch));
          throw new Lost();
        case 'twice': {
          // Sent twice at once, in different orders: both copies reach the server together.
          const replies = await Promise.all([send(shuffle([...batch])), send(shuffle([...batch]))]);
          return acksOf(pick(replies));
        }
        case 'late':
          late.push(shuffle([...batch]));
          return acksOf(await send(batch));
        case 'crash': {
          crashAfter = Math.floor(random() * batch.length);
          const response = await send(batch);
          crashAfter = undefined;
          return acksOf(response);
        }
        default:
          return acksOf(await send(batch));
      }
    }

    // The device: it forgets a record only once acknowledged, and keeps a
    // refused one aside with its reason.
    const waiting = new Map(records.map((r) => [r.id, r]));
    const acknowledged = new Set<string>();
    const refused = new Map<string, string>();
    let rounds = 0;
    while (waiting.size > 0) {
      assert.ok(++rounds < 500, 'the device finishes syncing');
      const pending = shuffle([...waiting.values()]);
      // Two requests in flight at once, overlapping, as a retry fired before the first times out.
      const first = pending.slice(0, BATCH);
      const second = shuffle([...pending.slice(BATCH / 2, BATCH * 1.5)]);
      const replays = late.length && random() < 0.5 ? [late.splice(Math.floor(random() * late.length), 1)[0]!] : [];
      const outcomes = await Promise.allSettled([first, second, ...replays].filter((b) => b.length).map((batch) => proxy(batch)));
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          assert.ok(outcome.reason instanceof Lost, String(outcome.reason));
          continue;
        }
        for (const ack of outcome.value) {
          assert.ok(ack.id, `record ${ack.index} came back without its id`);
          if (ack.status === 'refused') refused.set(ack.id, ack.reason!);
          else acknowledged.add(ack.id);
          waiting.delete(ack.id);
        }
      }
    }
    // The last late copies arrive after the device has finished.
    for (const batch of late) await send(batch);
    service.recordSweep = recordSweep;

    // The run met every kind of fault it is meant to survive, and the server failed only when killed.
    assert.deepEqual([...met].sort(), [...new Set(FAULTS)].sort());
    assert.ok(crashes > 0 && failures > 0 && failures <= crashes, `${failures} failed replies, ${crashes} crashes`);

    const { db } = t.app.database;
    const sweeps = await db.selectFrom('sweeps').selectAll().where('library_id', '=', library.id).execute();
    const counts = await db.selectFrom('sweep_counts').select(['sweep_id', 'zone_id', 'people']).execute();
    assert.equal(sweeps.length, valid.length, 'stored equals the unique valid records made');
    assert.equal(new Set(sweeps.map((s) => s.id)).size, sweeps.length, 'none twice');
    assert.deepEqual([...acknowledged].sort(), valid.map((r) => r.id).sort(), 'every valid record was acknowledged, and nothing else');
    assert.deepEqual(
      [...refused].sort(([a], [b]) => a.localeCompare(b)),
      [...expectedRefusal].sort(([a], [b]) => a.localeCompare(b)),
      'every refused record was reported, with its reason',
    );

    // Each stored sweep holds exactly what its device recorded: whole, never half a batch or half a sweep.
    const byId = new Map(valid.map((r) => [r.id, r]));
    const stored = new Map<string, Array<[string, number | null]>>();
    for (const c of counts) {
      const list = stored.get(c.sweep_id) ?? [];
      list.push([c.zone_id, c.people === null ? null : Number(c.people)]);
      stored.set(c.sweep_id, list);
    }
    const mismatched = sweeps.filter((sweep) => {
      const record = byId.get(sweep.id)!;
      const want = record.counts.map((c): [string, number | null] => [c.zone, c.people]).sort(([a], [b]) => a.localeCompare(b));
      const got = (stored.get(sweep.id) ?? []).sort(([a], [b]) => a.localeCompare(b));
      return sweep.started_at !== record.startedAt || sweep.note !== record.note || JSON.stringify(want) !== JSON.stringify(got);
    });
    assert.deepEqual(mismatched.map((s) => s.id), []);
  });
});
