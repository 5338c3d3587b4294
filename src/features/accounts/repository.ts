import type { Kysely, Selectable } from 'kysely';
import type { DB, Role, TokenPurpose, UsersTable, UserStatus } from '../../db/types';

export type UserRow = Selectable<UsersTable>;

export interface UserFilter {
  role?: Role;
  status?: UserStatus;
  /** Matches name or email, case-insensitively. */
  query?: string;
  /** Restricts to these ids (e.g. a library's team). */
  ids?: string[];
}

/** Queries for people, sessions, account tokens and sign-in attempts. */
export function createAccountsRepository(db: Kysely<DB>) {
  const filtered = (filter: UserFilter) => {
    let q = db.selectFrom('users');
    if (filter.role) q = q.where('role', '=', filter.role);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.ids) q = filter.ids.length ? q.where('id', 'in', filter.ids) : q.where('id', '=', '');
    if (filter.query) {
      const like = `%${filter.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb(eb.fn('lower', ['email']), 'like', like)]),
      );
    }
    return q;
  };

  return {
    findUserById: (id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    findUserByEmail: (email: string) =>
      db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst(),
    insertUser: (row: UserRow) => db.insertInto('users').values(row).execute(),
    updateUser: (id: string, patch: Partial<Omit<UserRow, 'id' | 'created_at'>>) =>
      db.updateTable('users').set(patch).where('id', '=', id).execute(),
    countUsers: async (filter: UserFilter) =>
      Number((await filtered(filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    listUsers: (filter: UserFilter, limit: number, offset: number) =>
      filtered(filter).selectAll().orderBy('name').orderBy('email').limit(limit).offset(offset).execute(),
    hasActiveAdmin: async () =>
      !!(await db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('status', '=', 'active')
        .executeTakeFirst()),

    insertSession: (row: DB['sessions']) => db.insertInto('sessions').values(row).execute(),
    findSession: (id: string) => db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst(),
    touchSession: (id: string, lastSeenAt: string, expiresAt: string) =>
      db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute(),
    listLiveSessions: (userId: string, now: string) =>
      db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('expires_at', '>', now)
        .orderBy('last_seen_at', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    deleteSession: (userId: string, id: string) =>
      db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst(),
    deleteSessionsExcept: (userId: string, keepId: string | undefined) => {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepId) q = q.where('id', '!=', keepId);
      return q.execute();
    },
    deleteExpiredSessions: (now: string) => db.deleteFrom('sessions').where('expires_at', '<', now).execute(),

    insertToken: (row: DB['account_tokens']) => db.insertInto('account_tokens').values(row).execute(),
    findToken: (id: string, purpose: TokenPurpose) =>
      db.selectFrom('account_tokens').selectAll().where('id', '=', id).where('purpose', '=', purpose).executeTakeFirst(),
    /** Marks a token used; true only for the one caller that wins a race. */
    consumeToken: async (id: string, usedAt: string) => {
      const result = await db
        .updateTable('account_tokens')
        .set({ used_at: usedAt })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    expireTokens: (userId: string, purpose: TokenPurpose, usedAt: string) =>
      db
        .updateTable('account_tokens')
        .set({ used_at: usedAt })
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .execute(),

    insertLoginAttempt: (row: DB['login_attempts']) => db.insertInto('login_attempts').values(row).execute(),
    countFailures: async (column: 'email' | 'ip_address', value: string, since: string) =>
      Number(
        (
          await db
            .selectFrom('login_attempts')
            .select((eb) => eb.fn.countAll().as('n'))
            .where(column, '=', value)
            .where('outcome', '=', 'failure')
            .where('created_at', '>=', since)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    deleteLoginAttemptsBefore: (before: string) => db.deleteFrom('login_attempts').where('created_at', '<', before).execute(),
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
