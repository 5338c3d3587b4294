import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new random row id. */
export const newId = (): string => randomUUID();

/** The current time as stored: ISO-8601 UTC text. */
export const nowIso = (): string => new Date().toISOString();

/** A new unguessable token for a cookie or an emailed link (256 bits). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** How a token is stored: its SHA-256, so the table alone grants nothing. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
