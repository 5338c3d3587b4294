import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's baseline.
/** Hashes a password with argon2id. */
export const hashPassword = (password: string): Promise<string> => hash(password);

// Verifying against a throwaway hash when the account does not exist keeps the
// answer time the same, so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

/** True when the password matches the stored hash (or false after the same work when there is none). */
export async function checkPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hash('no account has this password');
  try {
    return await verify(stored ?? (await dummyHash), password);
  } catch {
    return false;
  }
}
