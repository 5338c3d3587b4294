import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * A new row id: a UUIDv7, which begins with the time it was made and, within
 * one process, always sorts after every id made before it (even in the same
 * millisecond). Ordering by (time, id) is therefore total and follows the
 * order rows were written in.
 */
export const newId = (): string => uuidv7();

/** The current time as stored: ISO-8601 UTC text. */
export const nowIso = (): string => new Date().toISOString();

/** A new unguessable token for a cookie or an emailed link (256 bits). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** How a token is stored: its SHA-256, so the table alone grants nothing. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
