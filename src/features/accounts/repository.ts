import { sql, type Kysely, type Selectable } from 'kysely';
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
    /** Counts one more wrong code on a sign-in waiting for its second step; returns the count. */
    countSecondStepFailure: async (id: string) =>
      (
        await db
          .updateTable('sessions')
          .set({ second_step_failures: sql<number>`second_step_failures + 1` })
          .where('id', '=', id)
          .returning('second_step_failures')
          .executeTakeFirst()
      )?.second_step_failures ?? Number.MAX_SAFE_INTEGER,
    /** Ends a sign-in waiting for its second step; true for the one caller that wins. */
    deletePendingSession: async (id: string) => {
      const result = await db.deleteFrom('sessions').where('id', '=', id).where('second_step_pending', '=', 1).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    deleteExpiredSessions: (now: string) => db.deleteFrom('sessions').where('expires_at', '<', now).execute(),

    insertToken: (row: DB['account_tokens']) => db.insertInto('account_tokens').values(row).execute(),
    findToken: (id: string, purpose: TokenPurpose) =>
      db.selectFrom('account_tokens').selectAll().where('id', '=', id).where('purpose', '=', purpose).executeTakeFirst(),
    /** Marks a token used; true only for the one caller that wins a race, and never for a revoked one. */
    consumeToken: async (id: string, usedAt: string) => {
      const result = await db
        .updateTable('account_tokens')
        .set({ used_at: usedAt })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Voids every outstanding link of a person for a purpose, except optionally one. */
    revokeTokens: async (userId: string, purpose: TokenPurpose, revokedAt: string, exceptId?: string) => {
      let q = db
        .updateTable('account_tokens')
        .set({ revoked_at: revokedAt })
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null);
      if (exceptId) q = q.where('id', '!=', exceptId);
      await q.execute();
    },

    /**
     * Activates an invited person; false when they are no longer invited
     * (accepted already, or deactivated), so an invitation can never take
     * over an account in use.
     */
    activateInvited: async (id: string, patch: { name: string; password_hash: string; updated_at: string }) => {
      const result = await db
        .updateTable('users')
        .set({ ...patch, status: 'active' })
        .where('id', '=', id)
        .where('status', '=', 'invited')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    insertLoginAttempt: (row: DB['login_attempts']) => db.insertInto('login_attempts').values(row).execute(),
    /**
     * Reserves one attempt under a limit key in a single atomic upsert: a new
     * window starts when the current one began before `windowStart`. Returns
     * the attempts in the window including this one, and when it began.
     * Both databases serialise upserts on one key, so concurrent callers each
     * see a distinct count.
     */
    reserveSignInAttempt: (key: string, now: string, windowStart: string) =>
      db
        .insertInto('sign_in_limits')
        .values({ key, window_started_at: now, attempts: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            attempts: sql<number>`case when sign_in_limits.window_started_at < ${windowStart} then 1 else sign_in_limits.attempts + 1 end`,
            window_started_at: sql<string>`case when sign_in_limits.window_started_at < ${windowStart} then ${now} else sign_in_limits.window_started_at end`,
          }),
        )
        .returning(['attempts', 'window_started_at'])
        .executeTakeFirstOrThrow(),
    /** Gives back an attempt reserved under a key (a sign-in that succeeded). */
    releaseSignInAttempt: (key: string) =>
      db
        .updateTable('sign_in_limits')
        .set({ attempts: sql<number>`attempts - 1` })
        .where('key', '=', key)
        .where('attempts', '>', 0)
        .execute(),
    clearSignInLimit: (key: string) => db.deleteFrom('sign_in_limits').where('key', '=', key).execute(),
    deleteSignInLimitsBefore: (before: string) =>
      db.deleteFrom('sign_in_limits').where('window_started_at', '<', before).execute(),
    deleteLoginAttemptsBefore: (before: string) => db.deleteFrom('login_attempts').where('created_at', '<', before).execute(),
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
