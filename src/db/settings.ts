import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from './types';

/**
 * The secret that signs cookies (CSRF, flash). It is made once and kept in the
 * database so that every instance shares it and a restart does not turn an
 * open form into an expired one.
 */
export async function cookieSecret(db: Kysely<DB>): Promise<string> {
  const existing = await db.selectFrom('settings').select('value').where('key', '=', 'cookie_secret').executeTakeFirst();
  if (existing) return existing.value;
  await db
    .insertInto('settings')
    .values({ key: 'cookie_secret', value: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'cookie_secret').executeTakeFirstOrThrow();
  return row.value;
}
