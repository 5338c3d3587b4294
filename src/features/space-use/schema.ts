import Type from 'typebox';
import { Compile } from 'typebox/compile';
import type { Translate } from '../../i18n';
import { localToUtc } from '../../i18n/time';
import { newId } from '../../db/ids';
import { validateForm, type FieldErrors, type FormResult, type FormValues } from '../../ui/forms';
import { MAX_PEOPLE, MAX_ZONES, type Space, type SpaceInput, type SweepInput } from './service';

export const MAX_NAME_LENGTH = 120;
export const MAX_NOTE_LENGTH = 1000;
/** The most records one sync request may carry; a device sends more in several requests. */
export const MAX_SYNC_RECORDS = 500;
/** Blank zone rows the space form offers below the existing ones. */
export const BLANK_ZONE_ROWS = 3;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An instant with its offset, as a device's clock writes it (`toISOString()` and the like). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const WHOLE = /^-?\d+$/;

/** The form fields of the n-th zone row of the space form. */
export const zoneFields = (n: number) => ({ id: `zoneId-${n}`, name: `zoneName-${n}`, capacity: `zoneCapacity-${n}` });
/** The count field of a zone on the sweep form. */
export const countField = (zoneId: string): string => `zone-${zoneId}`;

/** A device-made id, lower-cased, or undefined when it is not a UUID. */
export function sweepId(value: unknown): string | undefined {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined;
}

/** The first string of a posted value (a field sent twice keeps its first). */
const first = (value: unknown): string | undefined => {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : undefined;
};

const SpaceName = Type.Object({
  name: Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH, title: 'spaceUse.field.name', errorMessage: 'spaceUse.error.name' }),
});

/**
 * How many zone rows the space form shows: every row holding something (an
 * existing zone, or what was typed before a refusal), then blank rows for
 * new zones, up to the most zones a space has.
 */
export function zoneRowsToShow(values: FormValues): number {
  let filled = 0;
  for (let n = 0; n < MAX_ZONES; n++) {
    const fields = zoneFields(n);
    if ([fields.id, fields.name, fields.capacity].some((key) => (values[key] ?? '').toString().trim() !== '')) filled = n + 1;
  }
  return Math.min(MAX_ZONES, filled + BLANK_ZONE_ROWS);
}

/**
 * Reads the space form: its name and one row per zone. A row left blank is
 * skipped; a row with an id keeps that zone. At least one zone is needed,
 * and two zones of a space may not share a name.
 */
export function readSpaceForm(body: unknown, t: Translate): FormResult<SpaceInput> {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const named = validateForm(SpaceName, body, t);
  const values: FormValues = { ...named.values };
  const errors: FieldErrors = named.ok ? {} : { ...named.errors };
  const zones: SpaceInput['zones'] = [];
  const names = new Set<string>();
  for (let n = 0; n < MAX_ZONES; n++) {
    const fields = zoneFields(n);
    const id = first(source[fields.id]);
    const name = first(source[fields.name]);
    const capacity = first(source[fields.capacity]);
    if (id === undefined && name === undefined && capacity === undefined) continue;
    values[fields.id] = id;
    values[fields.name] = name;
    values[fields.capacity] = capacity;
    const trimmed = (name ?? '').trim();
    const capacityText = (capacity ?? '').trim();
    if (!id && trimmed === '' && capacityText === '') continue;
    if (trimmed === '') errors[fields.name] = t('spaceUse.error.zoneName', { n: n + 1 });
    else if (trimmed.length > MAX_NAME_LENGTH) errors[fields.name] = t('form.tooLong', { label: t('spaceUse.field.zoneName', { n: n + 1 }), limit: MAX_NAME_LENGTH });
    else if (names.has(trimmed.toLowerCase())) errors[fields.name] = t('spaceUse.error.zoneNameTaken', { name: trimmed });
    names.add(trimmed.toLowerCase());
    const people = WHOLE.test(capacityText) ? Number(capacityText) : NaN;
    if (!(people >= 1 && people <= MAX_PEOPLE)) errors[fields.capacity] = t('spaceUse.error.capacity', { n: n + 1, max: MAX_PEOPLE });
    zones.push({ ...(id ? { id } : {}), name: trimmed, capacity: people });
  }
  if (zones.length === 0) errors[zoneFields(0).name] = t('spaceUse.error.noZones');
  if (!named.ok || Object.keys(errors).length) return { ok: false, errors, values };
  return { ok: true, value: { name: named.value.name, zones }, values };
}

/** A space's current name and zones, to fill its edit form. */
export function spaceFormValues(space: Space): FormValues {
  const values: FormValues = { name: space.name };
  space.zones.forEach((zone, n) => {
    const fields = zoneFields(n);
    values[fields.id] = zone.id;
    values[fields.name] = zone.name;
    values[fields.capacity] = String(zone.capacity);
  });
  return values;
}

/**
 * Reads the sweep form of a space: the local time it started (in the
 * library's time zone), a count per zone (blank: not observed; 0: nobody
 * there), a note and the confirmation of high counts. Counts for a zone
 * that is not the space's are refused. The rules shared with devices
 * (negative, high, future) are checked by the service.
 */
export function readSweepForm(body: unknown, space: Space, timeZone: string, t: Translate): FormResult<SweepInput> {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  // The page made this id; a tampered one is replaced, so the form still works (only its retry guard is lost).
  const id = sweepId(first(source.id)) ?? newId();
  const startedAt = first(source.startedAt);
  const note = first(source.note) ?? '';
  const confirm = first(source.confirm);
  const values: FormValues = { id, startedAt, note, confirm };
  const errors: FieldErrors = {};
  const started = startedAt === undefined ? undefined : localToUtc(startedAt.trim(), timeZone);
  if (!started) errors.startedAt = t('spaceUse.error.startedAt');
  const counts: SweepInput['counts'][number][] = [];
  for (const zone of space.zones) {
    const field = countField(zone.id);
    const raw = first(source[field]);
    values[field] = raw;
    const text = (raw ?? '').trim();
    if (text === '') {
      counts.push({ zoneId: zone.id, people: null });
      continue;
    }
    const people = WHOLE.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(people)) errors[field] = t('spaceUse.error.countWhole', { zone: zone.name });
    else if (people > MAX_PEOPLE) errors[field] = t('spaceUse.error.countTooLarge', { zone: zone.name, max: MAX_PEOPLE });
    // Negative counts go on to the service, which refuses them for form and device alike.
    counts.push({ zoneId: zone.id, people: Number.isInteger(people) ? people : null });
  }
  const known = new Set(space.zones.map((z) => countField(z.id)));
  if (Object.keys(source).some((key) => key.startsWith('zone-') && !known.has(key))) errors.zones = t('spaceUse.error.unknownZone');
  if (note.length > MAX_NOTE_LENGTH) errors.note = t('form.tooLong', { label: t('spaceUse.field.note'), limit: MAX_NOTE_LENGTH });
  if (Object.keys(errors).length || !started) return { ok: false, errors, values };
  return {
    ok: true,
    value: { id, spaceId: space.id, startedAt: started, endedAt: null, note: note.trim(), counts, confirmedHigh: confirm === 'yes' },
    values,
  };
}

const SyncRecord = Type.Object({
  id: Type.String({ maxLength: 36 }),
  space: Type.String({ minLength: 1, maxLength: 100 }),
  startedAt: Type.String({ maxLength: 40 }),
  endedAt: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  note: Type.Optional(Type.String({ maxLength: MAX_NOTE_LENGTH })),
  confirmed: Type.Optional(Type.Boolean()),
  counts: Type.Array(
    Type.Object({
      zone: Type.String({ minLength: 1, maxLength: 100 }),
      people: Type.Union([Type.Integer({ minimum: -MAX_PEOPLE, maximum: MAX_PEOPLE }), Type.Null()]),
    }),
    { maxItems: MAX_ZONES },
  ),
});
const checkRecord = Compile(SyncRecord);

/** A record read from a sync request: the sweep, or the id it named (when it had one) and why it was refused. */
export type SyncRecordResult = { ok: true; input: SweepInput } | { ok: false; id: string | null; reason: 'malformed' };

/**
 * Reads one record of a device's sync request. Anything that is not a
 * well-formed sweep (no UUID id, a time without its offset, an end before
 * the start, a zone counted twice, a count that is not a whole number) is
 * malformed; the rules about what the numbers say are the service's.
 */
export function readSyncRecord(raw: unknown): SyncRecordResult {
  const id = sweepId((raw as { id?: unknown } | null)?.id) ?? null;
  if (!id || !checkRecord.Check(raw)) return { ok: false, id, reason: 'malformed' };
  const instant = (text: string) => (INSTANT.test(text) && Number.isFinite(Date.parse(text)) ? text : undefined);
  const startedAt = instant(raw.startedAt);
  const endedAt = raw.endedAt == null ? null : instant(raw.endedAt);
  const zones = new Set(raw.counts.map((c) => c.zone));
  const wellFormed =
    startedAt !== undefined &&
    endedAt !== undefined &&
    (endedAt === null || Date.parse(endedAt) >= Date.parse(startedAt)) &&
    zones.size === raw.counts.length;
  if (!wellFormed) return { ok: false, id, reason: 'malformed' };
  return {
    ok: true,
    input: {
      id,
      spaceId: raw.space,
      startedAt,
      endedAt,
      note: (raw.note ?? '').trim(),
      counts: raw.counts.map((c) => ({ zoneId: c.zone, people: c.people })),
      confirmedHigh: raw.confirmed === true,
    },
  };
}

/** The records of a sync request body, or undefined when it is not `{ records: [...] }` of an allowed size. */
export function syncRecordsOf(body: unknown): unknown[] | undefined {
  const records = (body as { records?: unknown } | null)?.records;
  return Array.isArray(records) && records.length >= 1 && records.length <= MAX_SYNC_RECORDS ? records : undefined;
}
