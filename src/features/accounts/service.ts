import type { Kysely } from 'kysely';
import type { DB, Locale, Role, TokenPurpose } from '../../db/types';
import { hashToken, newId, newToken } from '../../db/ids';
import type { Clock } from '../../server/clock';
import type { Config } from '../../server/config';
import type { Actor } from '../../policy';
import type { MailService } from '../mail/service';
import type { SecondStepCheck, TwoFactorService } from './two-factor';
import { createAccountsRepository, type UserFilter, type UserRow } from './repository';
import { checkPassword, hashPassword } from './passwords';
import { translator } from '../../i18n';

const MINUTE = 60_000;
const SESSION_IDLE_DAYS = 30;
/** Refreshing `last_seen_at` on every request would write on every page view. */
const TOUCH_INTERVAL_MS = 5 * MINUTE;
const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = { reset: 60 * MINUTE, invite: 7 * 24 * 60 * MINUTE };
/** Sign-in limits (decision 026): attempts per window, per account at one address and per address. */
const LIMIT_WINDOW_MS = 15 * MINUTE;
const MAX_ATTEMPTS_PER_ACCOUNT_AT_ADDRESS = 5;
const MAX_FAILURES_PER_ADDRESS = 20;
/** Second-step limits (decision 027): codes per account per window, and per sign-in before it must start over. */
const MAX_SECOND_STEP_CODES_PER_ACCOUNT = 10;
const MAX_SECOND_STEP_FAILURES_PER_SIGN_IN = 5;
/** A sign-in waiting for its second step lasts this long. */
const SECOND_STEP_LIFETIME_MS = 10 * MINUTE;
const PAGE_SIZE = 25;

/** What the policy needs to know about a person's libraries. */
export interface LibraryLinks {
  memberships: Actor['memberships'];
  coachedLibraryIds: string[];
}

export interface AccountsDeps {
  db: Kysely<DB>;
  config: Config;
  mail: MailService;
  twoFactor: TwoFactorService;
  /** Tests move it to end sessions, links and limit windows without waiting. */
  clock?: Clock;
}

const nowIso = (clock: Clock) => new Date(clock()).toISOString();

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMinutes: number };

export type TokenCheck = { ok: true; user: UserRow } | { ok: false; reason: 'invalid' | 'expired' | 'used' | 'replaced' };

/** A person as listed to admins and shown on their own account page. */
export type Person = Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'status' | 'locale' | 'time_zone' | 'created_at'> & {
  /** True when signing in takes a code after the password (decision 027). */
  two_factor_enabled: boolean;
};

const toPerson = ({ id, email, name, role, status, locale, time_zone, created_at, totp_enabled_at }: UserRow): Person => ({
  id,
  email,
  name,
  role,
  status,
  locale,
  time_zone,
  created_at,
  two_factor_enabled: totp_enabled_at !== null,
});

/** One signed-in session of a person, as listed on their sessions page. */
export interface SessionSummary {
  id: string;
  /** True for the session making the request. */
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string;
  ipAddress: string;
}

/** A sign-in whose password was right and whose second step is still to come. */
export interface PendingSignIn {
  sessionId: string;
  userId: string;
}

/** How a code at the second step went; `restart` means this sign-in is over and must begin again. */
export type SecondStepResult =
  | Extract<SecondStepCheck, { ok: true }>
  | { ok: false; reason: 'wrong' | 'restart' }
  | { ok: false; reason: 'throttled'; retryAfterMinutes: number };

export class EmailInUseError extends Error {}

/**
 * Identity: people, passwords, sessions, emailed account links and sign-in
 * throttling. Library links (memberships, coaching) are supplied by the caller
 * that owns them, through `setLibraryLinksSource`, to keep features apart.
 */
export function createAccountsService({ db, config, mail, twoFactor, clock = Date.now }: AccountsDeps) {
  const repo = createAccountsRepository(db);
  let libraryLinks: (userId: string) => Promise<LibraryLinks> = async () => ({ memberships: [], coachedLibraryIds: [] });

  /**
   * Makes a new emailed link. A new invitation replaces the earlier ones, so
   * only the newest invitation email works.
   */
  async function issueToken(userId: string, purpose: TokenPurpose): Promise<string> {
    const token = newToken();
    const now = clock();
    if (purpose === 'invite') await repo.revokeTokens(userId, 'invite', new Date(now).toISOString());
    await repo.insertToken({
      id: hashToken(token),
      user_id: userId,
      purpose,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + TOKEN_LIFETIME_MS[purpose]).toISOString(),
      used_at: null,
      revoked_at: null,
    });
    return token;
  }

  /**
   * Reserves a sign-in attempt under a limit key. Undefined when the attempt
   * may go ahead; otherwise the minutes until the window ends.
   */
  async function reserveAttempt(key: string, max: number): Promise<number | undefined> {
    const now = clock();
    const reserved = await repo.reserveSignInAttempt(key, new Date(now).toISOString(), new Date(now - LIMIT_WINDOW_MS).toISOString());
    if (reserved.attempts <= max) return undefined;
    const endsAt = Date.parse(reserved.window_started_at) + LIMIT_WINDOW_MS;
    return Math.max(1, Math.ceil((endsAt - now) / MINUTE));
  }

  async function checkToken(token: string, purpose: TokenPurpose): Promise<TokenCheck> {
    const row = await repo.findToken(hashToken(token), purpose);
    if (!row) return { ok: false, reason: 'invalid' };
    if (row.used_at) return { ok: false, reason: 'used' };
    if (row.revoked_at) return { ok: false, reason: 'replaced' };
    if (row.expires_at < nowIso(clock)) return { ok: false, reason: 'expired' };
    const user = await repo.findUserById(row.user_id);
    if (!user || user.status === 'deactivated') return { ok: false, reason: 'invalid' };
    // An invitation only ever activates an account; once active it is spent.
    if (purpose === 'invite' && user.status !== 'invited') return { ok: false, reason: 'used' };
    return { ok: true, user };
  }

  /** True when the password is the person's own; for changes that need it again, such as turning off two-step sign-in. */
  async function verifyPassword(userId: string, password: string): Promise<boolean> {
    const user = await repo.findUserById(userId);
    return !!user && (await checkPassword(user.password_hash, password));
  }

  /**
   * After a password is set, nothing that was issued under the old one may
   * still open the account: outstanding reset links are revoked and every
   * session but the one kept (the person's own, when they changed it) ends.
   */
  async function passwordChanged(userId: string, keepSessionId: string | undefined): Promise<void> {
    await repo.revokeTokens(userId, 'reset', nowIso(clock));
    await repo.deleteSessionsExcept(userId, keepSessionId);
  }

  /**
   * Creates a person. With a password they are active at once (demo data,
   * `create-admin`, first-run setup); without, they are invited and activate
   * through an emailed link.
   */
  async function createUser(input: {
    email: string;
    name: string;
    role: Role;
    locale?: Locale;
    timeZone?: string;
    password?: string;
  }): Promise<Person> {
    const email = input.email.toLowerCase();
    if (await repo.findUserByEmail(email)) throw new EmailInUseError(email);
    const now = nowIso(clock);
    const row: UserRow = {
      id: newId(),
      email,
      name: input.name,
      role: input.role,
      status: input.password ? 'active' : 'invited',
      password_hash: input.password ? await hashPassword(input.password) : null,
      locale: input.locale ?? 'en',
      time_zone: input.timeZone ?? 'America/Chicago',
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertUser(row);
    return toPerson(row);
  }

  return {
    /** Lets the libraries feature tell the policy which libraries a person works in or coaches. */
    setLibraryLinksSource(source: (userId: string) => Promise<LibraryLinks>) {
      libraryLinks = source;
    },

    /**
     * Starts a session; returns the cookie token (only its hash is stored).
     * A session waiting for the second step of sign-in signs nobody in and
     * lasts minutes, until `passSecondStep` completes it.
     */
    async createSession(userId: string, client: { userAgent: string; ipAddress: string }, options: { secondStep?: boolean } = {}) {
      const token = newToken();
      const now = clock();
      const lifetime = options.secondStep ? SECOND_STEP_LIFETIME_MS : SESSION_IDLE_DAYS * 24 * 60 * MINUTE;
      await repo.insertSession({
        id: hashToken(token),
        user_id: userId,
        created_at: new Date(now).toISOString(),
        last_seen_at: new Date(now).toISOString(),
        expires_at: new Date(now + lifetime).toISOString(),
        user_agent: client.userAgent.slice(0, 300),
        ip_address: client.ipAddress,
        second_step_pending: options.secondStep ? 1 : 0,
        second_step_failures: 0,
      });
      return { token, maxAgeSeconds: Math.round(lifetime / 1000) };
    },

    /** The sign-in a cookie token belongs to while it waits for its second step, or null. */
    async resolvePendingSignIn(token: string): Promise<PendingSignIn | null> {
      const session = await repo.findSession(hashToken(token));
      if (!session?.second_step_pending || session.expires_at < nowIso(clock)) return null;
      return { sessionId: session.id, userId: session.user_id };
    },

    /**
     * Takes a code at the second step of sign-in. Each account gets a few
     * codes per window however many sign-ins are started, and one sign-in
     * ends after a few wrong codes, so guessing needs the password again.
     * On success the waiting session ends and the caller starts a full one.
     */
    async passSecondStep(pending: PendingSignIn, code: string): Promise<SecondStepResult> {
      const limitKey = `second-step:${pending.userId}`;
      const wait = await reserveAttempt(limitKey, MAX_SECOND_STEP_CODES_PER_ACCOUNT);
      if (wait !== undefined) return { ok: false, reason: 'throttled', retryAfterMinutes: wait };
      const check = await twoFactor.check(pending.userId, code);
      if (!check.ok) {
        const failures = await repo.countSecondStepFailure(pending.sessionId);
        if (failures >= MAX_SECOND_STEP_FAILURES_PER_SIGN_IN) {
          await repo.deleteSession(pending.userId, pending.sessionId);
          return { ok: false, reason: 'restart' };
        }
        return { ok: false, reason: 'wrong' };
      }
      // The waiting session is spent; the caller starts a new one, so the
      // signed-in session's token was never seen before the second step.
      if (!(await repo.deletePendingSession(pending.sessionId))) return { ok: false, reason: 'restart' };
      await repo.clearSignInLimit(limitKey);
      return check;
    },

    verifyPassword,

    /** The signed-in person for a cookie token, or null if the session is gone, expired or the person deactivated. */
    async resolveSession(token: string): Promise<Actor | null> {
      const session = await repo.findSession(hashToken(token));
      if (!session || session.second_step_pending) return null;
      const now = clock();
      if (session.expires_at < new Date(now).toISOString()) return null;
      const user = await repo.findUserById(session.user_id);
      if (!user || user.status !== 'active') return null;
      if (now - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
        await repo.touchSession(
          session.id,
          new Date(now).toISOString(),
          new Date(now + SESSION_IDLE_DAYS * 24 * 60 * MINUTE).toISOString(),
        );
      }
      const links = await libraryLinks(user.id);
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        locale: user.locale,
        timeZone: user.time_zone,
        sessionId: session.id,
        memberships: links.memberships,
        coachedLibraryIds: links.coachedLibraryIds,
      };
    },

    /** A person's unexpired sessions: the current one first, then the most recently active. */
    async listSessions(userId: string, currentSessionId: string): Promise<SessionSummary[]> {
      const rows = await repo.listLiveSessions(userId, nowIso(clock));
      const ordered = [...rows.filter((s) => s.id === currentSessionId), ...rows.filter((s) => s.id !== currentSessionId)];
      return ordered.map((s) => ({
        id: s.id,
        current: s.id === currentSessionId,
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        userAgent: s.user_agent,
        ipAddress: s.ip_address,
      }));
    },

    /** Ends one of a person's sessions; false if it was not theirs or already gone. */
    async revokeSession(userId: string, sessionId: string): Promise<boolean> {
      const result = await repo.deleteSession(userId, sessionId);
      return Number(result.numDeletedRows) > 0;
    },

    /** Ends every session of a person except, optionally, the current one. */
    async revokeOtherSessions(userId: string, keepSessionId?: string): Promise<void> {
      await repo.deleteSessionsExcept(userId, keepSessionId);
    },

    /**
     * Checks an email and password under the sign-in limits of decision 026.
     * The attempt is reserved before the (slow) password check, so however
     * many requests arrive at once, no more than the limit are ever checked.
     * A success clears the limit of that account at that address.
     */
    async signIn(input: { email: string; password: string; ipAddress: string }): Promise<SignInResult> {
      const email = input.email.toLowerCase();
      const accountKey = `account-at-address:${input.ipAddress} ${email}`;
      const addressKey = `address:${input.ipAddress}`;
      const wait =
        (await reserveAttempt(accountKey, MAX_ATTEMPTS_PER_ACCOUNT_AT_ADDRESS)) ??
        (await reserveAttempt(addressKey, MAX_FAILURES_PER_ADDRESS));
      if (wait !== undefined) return { ok: false, reason: 'throttled', retryAfterMinutes: wait };
      const user = await repo.findUserByEmail(email);
      const matches = await checkPassword(user?.password_hash, input.password);
      const ok = !!user && matches && user.status === 'active';
      await repo.insertLoginAttempt({
        id: newId(),
        email,
        ip_address: input.ipAddress,
        outcome: ok ? 'success' : 'failure',
        created_at: nowIso(clock),
      });
      if (!ok) return { ok: false, reason: 'invalid' };
      await repo.clearSignInLimit(accountKey);
      // The address limit counts failures: a success gives its attempt back.
      await repo.releaseSignInAttempt(addressKey);
      return { ok: true, userId: user.id };
    },

    /**
     * Emails a single-use reset link valid for one hour. Says nothing about
     * whether the address has an account, to the caller or to the requester.
     */
    async requestPasswordReset(email: string): Promise<void> {
      const user = await repo.findUserByEmail(email);
      if (!user || user.status !== 'active') return;
      const token = await issueToken(user.id, 'reset');
      const t = translator(user.locale);
      const link = `${config.publicUrl}/reset-password/${token}`;
      await mail.send({
        to: user.email,
        subject: t('accounts.resetMail.subject'),
        text: t('accounts.resetMail.body', { name: user.name, link }),
      });
    },

    checkToken,
    issueToken,

    /**
     * Sets a new password from a reset link and uses up the link. Every other
     * reset link of the account stops working and every session ends.
     */
    async resetPassword(token: string, password: string): Promise<TokenCheck> {
      const check = await checkToken(token, 'reset');
      if (!check.ok) return check;
      if (!(await repo.consumeToken(hashToken(token), nowIso(clock)))) return { ok: false, reason: 'used' };
      await repo.updateUser(check.user.id, { password_hash: await hashPassword(password), updated_at: nowIso(clock) });
      await passwordChanged(check.user.id, undefined);
      return check;
    },

    /**
     * Activates an invited person with the password they chose. Only an
     * invited account can be activated, so an old link never replaces the
     * password of an account in use; the person's other links and sessions end.
     */
    async acceptInvitation(token: string, input: { name: string; password: string }): Promise<TokenCheck> {
      const check = await checkToken(token, 'invite');
      if (!check.ok) return check;
      if (!(await repo.consumeToken(hashToken(token), nowIso(clock)))) return { ok: false, reason: 'used' };
      const activated = await repo.activateInvited(check.user.id, {
        name: input.name,
        password_hash: await hashPassword(input.password),
        updated_at: nowIso(clock),
      });
      if (!activated) return { ok: false, reason: 'used' };
      await repo.revokeTokens(check.user.id, 'invite', nowIso(clock));
      await passwordChanged(check.user.id, undefined);
      return check;
    },

    /** Changes a password after checking the current one; other sessions and every reset link end. */
    async changePassword(actor: Actor, current: string, next: string): Promise<boolean> {
      if (!(await verifyPassword(actor.id, current))) return false;
      await repo.updateUser(actor.id, { password_hash: await hashPassword(next), updated_at: nowIso(clock) });
      await passwordChanged(actor.id, actor.sessionId);
      return true;
    },

    /** Updates a person's own name, language and time zone. */
    async updateProfile(userId: string, input: { name: string; locale: Locale; timeZone: string }) {
      await repo.updateUser(userId, { name: input.name, locale: input.locale, time_zone: input.timeZone, updated_at: nowIso(clock) });
    },

    createUser,

    /**
     * First-run setup: creates an active program admin, but only while the
     * instance has none. Returns undefined once an admin exists.
     */
    async createFirstAdmin(input: { email: string; name: string; password: string; locale?: Locale }): Promise<Person | undefined> {
      if (await repo.hasActiveAdmin()) return undefined;
      return createUser({ ...input, role: 'admin' });
    },

    /** One person by id, or undefined. */
    async getPerson(id: string): Promise<Person | undefined> {
      const row = await repo.findUserById(id);
      return row && toPerson(row);
    },

    /** One person by email, or undefined. */
    async findPersonByEmail(email: string): Promise<Person | undefined> {
      const row = await repo.findUserByEmail(email);
      return row && toPerson(row);
    },

    /** A page of people matching a filter, sorted by name. */
    async listPeople(filter: UserFilter, page: number) {
      const total = await repo.countUsers(filter);
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const current = Math.min(page, pages);
      const rows = await repo.listUsers(filter, PAGE_SIZE, (current - 1) * PAGE_SIZE);
      return { items: rows.map(toPerson), page: current, pages, total };
    },

    /** Every person with these ids (a library's team, say), sorted by name. */
    async peopleByIds(ids: string[]): Promise<Person[]> {
      return (await repo.listUsers({ ids }, 10_000, 0)).map(toPerson);
    },

    /** Changes a person's program role (admin, coach or staff). */
    async setRole(userId: string, role: Role) {
      await repo.updateUser(userId, { role, updated_at: nowIso(clock) });
    },

    /** Stops a person signing in and ends all their sessions at once. */
    async deactivate(userId: string) {
      await repo.updateUser(userId, { status: 'deactivated', updated_at: nowIso(clock) });
      await repo.deleteSessionsExcept(userId, undefined);
    },

    /** Lets a deactivated person sign in again (or stay invited if they never accepted). */
    async reactivate(userId: string) {
      const user = await repo.findUserById(userId);
      if (!user) return;
      await repo.updateUser(userId, { status: user.password_hash ? 'active' : 'invited', updated_at: nowIso(clock) });
    },

    /** True once an active program admin exists; the first-run setup page closes then. */
    hasAdmin: () => repo.hasActiveAdmin(),

    /** Removes expired sessions, old sign-in attempts and sign-in limits whose window has ended. */
    async prune() {
      const now = nowIso(clock);
      await repo.deleteExpiredSessions(now);
      await repo.deleteLoginAttemptsBefore(new Date(clock() - 24 * 60 * MINUTE).toISOString());
      await repo.deleteSignInLimitsBefore(new Date(clock() - LIMIT_WINDOW_MS).toISOString());
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
