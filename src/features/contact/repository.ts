import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { ContactMessagesTable } from '../../db/tables/contact';

export type ContactMessageRow = ContactMessagesTable;

/** Queries for contact messages. */
export function createContactRepository(db: Kysely<DB>) {
  return {
    insert: (row: ContactMessageRow) => db.insertInto('contact_messages').values(row).execute(),
    count: async () =>
      Number((await db.selectFrom('contact_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    countUnread: async () =>
      Number(
        (
          await db
            .selectFrom('contact_messages')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('read_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    list: (limit: number, offset: number) =>
      db.selectFrom('contact_messages').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    find: (id: string) => db.selectFrom('contact_messages').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Marks a message read unless it already was, keeping the first reading time. */
    markRead: (id: string, at: string) =>
      db.updateTable('contact_messages').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute(),
  };
}
