import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';

/** Queries for the outbox of messages kept when no SMTP server is set. */
export function createMailRepository(db: Kysely<DB>) {
  return {
    insert: (row: DB['outbox']) => db.insertInto('outbox').values(row).execute(),
    count: async () => Number((await db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    list: (limit: number, offset: number) =>
      db
        .selectFrom('outbox')
        .select(['id', 'to_address', 'subject', 'created_at'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    find: (id: string) => db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst(),
  };
}
