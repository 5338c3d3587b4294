/**
 * What a plan revision records: an item's fields as people read them (a
 * goal's title rather than its id, an owner's name, amounts in cents), and
 * the fields that differ between two such snapshots.
 */

export type FieldValue = string | number | null;

/** An item's fields at one moment, by field name. */
export type Snapshot = Record<string, FieldValue>;

/** Field name → [before, after]; null stands for "empty" or "did not exist". */
export type Changes = Record<string, [FieldValue, FieldValue]>;

const isEmpty = (value: FieldValue | undefined) => value === null || value === undefined || value === '';

/**
 * The fields that differ between two snapshots, in the order of the fields.
 * A missing snapshot (before a creation, after a deletion) counts as every
 * field empty, so a creation lists what was filled in and a deletion what was lost.
 */
export function changesBetween(before: Snapshot | null, after: Snapshot | null): Changes {
  const changes: Changes = {};
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  for (const field of fields) {
    const from = before?.[field] ?? null;
    const to = after?.[field] ?? null;
    if (from === to || (isEmpty(from) && isEmpty(to))) continue;
    changes[field] = [isEmpty(from) ? null : from, isEmpty(to) ? null : to];
  }
  return changes;
}

/** Reads stored changes back, tolerating anything malformed as "no changes". */
export function parseChanges(json: string): Changes {
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const changes: Changes = {};
    for (const [field, pair] of Object.entries(value)) {
      if (Array.isArray(pair) && pair.length === 2) changes[field] = [pair[0] as FieldValue, pair[1] as FieldValue];
    }
    return changes;
  } catch {
    return {};
  }
}
