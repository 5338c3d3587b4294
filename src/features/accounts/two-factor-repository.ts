import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/types';

/** The settings key holding the roles that must use two-step sign-in, as a JSON array. */
const REQUIRED_ROLES_KEY = 'two_factor_required_roles';

/** Queries for authenticator secrets, recovery codes and the two-step requirement. */
export function createTwoFactorRepository(db: Kysely<DB>) {
  return {
    findUser: (userId: string) =>
      db
        .selectFrom('users')
        .select(['id', 'email', 'role', 'totp_secret', 'totp_enabled_at', 'totp_last_step'])
        .where('id', '=', userId)
        .executeTakeFirst(),
    /** Stores a secret being set up; never replaces one in use. */
    setPendingSecret: (userId: string, secret: string) =>
      db.updateTable('users').set({ totp_secret: secret }).where('id', '=', userId).where('totp_enabled_at', 'is', null).execute(),
    /** Puts the pending secret into use; false when there was none or it was already in use. */
    enable: async (userId: string, secret: string, step: number, at: string) => {
      const result = await db
        .updateTable('users')
        .set({ totp_enabled_at: at, totp_last_step: step })
        .where('id', '=', userId)
        .where('totp_secret', '=', secret)
        .where('totp_enabled_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    disable: async (userId: string) => {
      await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
      await db
        .updateTable('users')
        .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
        .where('id', '=', userId)
        .execute();
    },
    /**
     * Records that a code of this time step was accepted. True for the one
     * caller that moves the step forward, so the same code never works twice,
     * even when two requests carry it at once.
     */
    advanceStep: async (userId: string, step: number) => {
      const result = await db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', userId)
        .where('totp_enabled_at', 'is not', null)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    replaceRecoveryCodes: async (userId: string, rows: DB['recovery_codes'][]) => {
      await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
      await db.insertInto('recovery_codes').values(rows).execute();
    },
    /** Uses up a recovery code; true for the one caller that wins. */
    useRecoveryCode: async (userId: string, codeHash: string, at: string) => {
      const result = await db
        .updateTable('recovery_codes')
        .set({ used_at: at })
        .where('user_id', '=', userId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    countUnusedRecoveryCodes: async (userId: string) =>
      Number(
        (
          await db
            .selectFrom('recovery_codes')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('user_id', '=', userId)
            .where('used_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /** Active people per role, and how many of them use two-step sign-in. */
    countByRole: (): Promise<Array<{ role: Role; people: number | string | bigint; enabled: number | string | bigint }>> =>
      db
        .selectFrom('users')
        .select((eb) => [
          'role',
          eb.fn.countAll().as('people'),
          eb.fn.count('totp_enabled_at').as('enabled'),
        ])
        .where('status', '=', 'active')
        .groupBy('role')
        .orderBy('role')
        .execute(),

    requiredRoles: async (): Promise<string | undefined> =>
      (await db.selectFrom('settings').select('value').where('key', '=', REQUIRED_ROLES_KEY).executeTakeFirst())?.value,
    setRequiredRoles: (value: string) =>
      db
        .insertInto('settings')
        .values({ key: REQUIRED_ROLES_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute(),
  };
}
