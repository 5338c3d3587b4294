import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';
import type { DB, Role } from '../../db/types';
import { hashToken, newId } from '../../db/ids';
import type { Config } from '../../server/config';
import type { Clock } from '../../server/clock';
import { createTwoFactorRepository } from './two-factor-repository';

const PERIOD_SECONDS = 30;
/** One step either side of now is accepted, for a phone whose clock is a little off. */
const WINDOW_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
/** Letters and digits that cannot be mistaken for one another when copied by hand. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const ROLES: readonly Role[] = ['admin', 'coach', 'staff'];

/** What a person sees on their two-step page. */
export type TwoFactorStatus =
  | { enabled: true; enabledAt: string; recoveryCodesLeft: number }
  | { enabled: false };

/** A secret being set up: the text to type in and the QR code to scan. */
export interface TwoFactorSetup {
  /** The secret in groups of four, for typing into an app by hand. */
  secretText: string;
  uri: string;
  qrSvg: string;
}

/** How a code at the second step of sign-in was taken. */
export type SecondStepCheck = { ok: true; recoveryCodesLeft?: number } | { ok: false };

/** Lowercases a recovery code and drops the spaces and dashes people type. */
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

function newRecoveryCode(): string {
  const letters = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${letters.slice(0, 5)}-${letters.slice(5)}`;
}

/**
 * Optional two-step sign-in with an authenticator app (TOTP, RFC 6238, via
 * `otpauth`) and one-time recovery codes; see decision record 027. An admin
 * may require it for whole roles.
 */
export function createTwoFactorService({ db, config, clock = Date.now }: { db: Kysely<DB>; config: Config; clock?: Clock }) {
  const repo = createTwoFactorRepository(db);
  const issuer = new URL(config.publicUrl).host || 'Smart Spaces';

  const totpFor = (secret: string, email: string) =>
    new TOTP({ issuer, label: email, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS });

  /** The time step a six-digit code belongs to, or undefined when it is not a current code of the secret. */
  function stepOf(secret: string, email: string, code: string): number | undefined {
    const token = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(token)) return undefined;
    const now = clock();
    const delta = totpFor(secret, email).validate({ token, timestamp: now, window: WINDOW_STEPS });
    return delta === null ? undefined : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  }

  /** Makes a fresh set of recovery codes, replacing any earlier ones; only their hashes are kept. */
  async function issueRecoveryCodes(userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const at = new Date(clock()).toISOString();
    await repo.replaceRecoveryCodes(
      userId,
      codes.map((code) => ({ id: newId(), user_id: userId, code_hash: hashToken(normaliseRecoveryCode(code)), created_at: at, used_at: null })),
    );
    return codes;
  }

  async function requiredRoles(): Promise<Role[]> {
    const stored = await repo.requiredRoles();
    if (!stored) return [];
    try {
      const parsed: unknown = JSON.parse(stored);
      return ROLES.filter((role) => Array.isArray(parsed) && parsed.includes(role));
    } catch {
      return [];
    }
  }

  return {
    /** Whether a person uses two-step sign-in, and how many recovery codes they have left. */
    async status(userId: string): Promise<TwoFactorStatus> {
      const user = await repo.findUser(userId);
      if (!user?.totp_enabled_at) return { enabled: false };
      return { enabled: true, enabledAt: user.totp_enabled_at, recoveryCodesLeft: await repo.countUnusedRecoveryCodes(userId) };
    },

    /** True when the person's sign-in needs a code after the password. */
    async isEnabled(userId: string): Promise<boolean> {
      return !!(await repo.findUser(userId))?.totp_enabled_at;
    },

    /**
     * The secret a person is setting up, made on first call and kept until
     * they confirm it, so reloading the page shows the same QR code. Undefined
     * when two-step sign-in is already on.
     */
    async setUp(userId: string): Promise<TwoFactorSetup | undefined> {
      let user = await repo.findUser(userId);
      if (!user || user.totp_enabled_at) return undefined;
      if (!user.totp_secret) {
        await repo.setPendingSecret(userId, new Secret({ size: 20 }).base32);
        user = await repo.findUser(userId);
        if (!user?.totp_secret || user.totp_enabled_at) return undefined;
      }
      const uri = totpFor(user.totp_secret, user.email).toString();
      return {
        secretText: user.totp_secret.match(/.{1,4}/g)!.join(' '),
        uri,
        qrSvg: renderSVG(uri, { border: 2 }),
      };
    },

    /**
     * Turns two-step sign-in on once the person proves their app shows the
     * right code. Returns the new recovery codes, shown once, or undefined
     * when the code is wrong.
     */
    async confirm(userId: string, code: string): Promise<string[] | undefined> {
      const user = await repo.findUser(userId);
      if (!user?.totp_secret || user.totp_enabled_at) return undefined;
      const step = stepOf(user.totp_secret, user.email, code);
      if (step === undefined) return undefined;
      if (!(await repo.enable(userId, user.totp_secret, step, new Date(clock()).toISOString()))) return undefined;
      return issueRecoveryCodes(userId);
    },

    /** Replaces a person's recovery codes with a new set, shown once. */
    async renewRecoveryCodes(userId: string): Promise<string[] | undefined> {
      if (!(await repo.findUser(userId))?.totp_enabled_at) return undefined;
      return issueRecoveryCodes(userId);
    },

    /** Turns two-step sign-in off: the secret and every recovery code are forgotten. */
    disable: (userId: string) => repo.disable(userId),

    /**
     * Checks a code at the second step of sign-in: a six-digit code from the
     * app, accepted once, or an unused recovery code, used up.
     */
    async check(userId: string, code: string): Promise<SecondStepCheck> {
      const user = await repo.findUser(userId);
      if (!user?.totp_secret || !user.totp_enabled_at) return { ok: false };
      const step = stepOf(user.totp_secret, user.email, code);
      if (step !== undefined) return { ok: await repo.advanceStep(userId, step) };
      const recovery = normaliseRecoveryCode(code);
      if (recovery.length !== 10) return { ok: false };
      if (!(await repo.useRecoveryCode(userId, hashToken(recovery), new Date(clock()).toISOString()))) return { ok: false };
      return { ok: true, recoveryCodesLeft: await repo.countUnusedRecoveryCodes(userId) };
    },

    requiredRoles,

    /** Sets which roles must use two-step sign-in. */
    async setRequiredRoles(roles: readonly Role[]): Promise<void> {
      await repo.setRequiredRoles(JSON.stringify(ROLES.filter((role) => roles.includes(role))));
    },

    /** True when the person's role must use two-step sign-in and they have not set it up yet. */
    async setupDue(person: { id: string; role: Role }): Promise<boolean> {
      if (!(await requiredRoles()).includes(person.role)) return false;
      return !(await repo.findUser(person.id))?.totp_enabled_at;
    },

    /** For each role, how many active people it has and how many of them use two-step sign-in. */
    async adoption(): Promise<Array<{ role: Role; people: number; enabled: number }>> {
      const rows = await repo.countByRole();
      return ROLES.map((role) => {
        const row = rows.find((r) => r.role === role);
        return { role, people: Number(row?.people ?? 0), enabled: Number(row?.enabled ?? 0) };
      });
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
