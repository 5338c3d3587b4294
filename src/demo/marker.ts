import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { nowIso } from '../db/ids';

const KEY = 'demo_seeded_at';

/** Records that this instance holds demo data, so it can say so at start. */
export async function markDemoSeeded(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: KEY, value: nowIso() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: nowIso() }))
    .execute();
}

/** When demo data was added to this instance, or undefined if it never was. */
export async function demoSeededAt(db: Kysely<DB>): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row?.value;
}
