/**
 * True when a database error is a unique-constraint violation, on SQLite
 * (`SQLITE_CONSTRAINT_UNIQUE`, or `…_PRIMARYKEY`) or PostgreSQL (`23505`).
 * Used where two people may race for the same name, such as a slug.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
