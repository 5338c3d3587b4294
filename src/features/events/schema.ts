import Type, { type TObject } from 'typebox';
import { Temporal } from 'temporal-polyfill';
import type { Translate } from '../../i18n';
import { isCalendarDate } from '../../i18n/time';
import { validateForm, type FieldErrors, type FormResult, type FormValues } from '../../ui/forms';
import { isServiceArea, type EventInput, type LibraryEvent, type Occurrence, type OccurrenceInput } from './service';

export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_NOTE_LENGTH = 1000;
export const MAX_ATTENDANCE = 100_000;

export const EventForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: MAX_TITLE_LENGTH, title: 'events.field.title', errorMessage: 'events.error.title' }),
  // Checked against SERVICE_AREAS in readEventForm: a union here would hide the other fields' errors.
  serviceArea: Type.String({ maxLength: 40, title: 'events.field.serviceArea', errorMessage: 'events.error.serviceArea' }),
  description: Type.Optional(Type.String({ maxLength: MAX_DESCRIPTION_LENGTH, title: 'events.field.description' })),
});

export const OccurrenceForm = Type.Object({
  heldOn: Type.String({ title: 'events.field.heldOn', errorMessage: 'events.error.heldOn' }),
  startsAt: Type.Optional(Type.String({ title: 'events.field.startsAt', errorMessage: 'events.error.startsAt' })),
  // Digits, optionally with thousands separators as people type them ("1,240").
  attendance: Type.Optional(
    Type.String({ pattern: '^(\\d{1,3}(,\\d{3})+|\\d{1,6})$', title: 'events.field.attendance', errorMessage: 'events.error.attendance' }),
  ),
  note: Type.Optional(Type.String({ maxLength: MAX_NOTE_LENGTH, title: 'events.field.note' })),
});

/** A failed form with its errors in the order of the form's fields, as the error summary lists them. */
function failed(schema: TObject, values: FormValues, errors: FieldErrors): { ok: false; values: FormValues; errors: FieldErrors } {
  const fields = Object.keys(schema.properties).filter((field) => errors[field]);
  return { ok: false, values, errors: Object.fromEntries(fields.map((field) => [field, errors[field]!])) };
}

/** Reads a posted event form: a title, one of the service areas, and an optional description. */
export function readEventForm(body: unknown, t: Translate): FormResult<EventInput> {
  const form = validateForm(EventForm, body, t);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const serviceArea = String(form.values.serviceArea ?? '').trim();
  if (!errors.serviceArea && !isServiceArea(serviceArea)) errors.serviceArea = t('events.error.serviceArea');
  if (!form.ok || !isServiceArea(serviceArea) || Object.keys(errors).length > 0) return failed(EventForm, form.values, errors);
  return { ok: true, values: form.values, value: { title: form.value.title, serviceArea, description: form.value.description ?? '' } };
}

/** An event's current values, to fill its edit form. */
export function eventFormValues(event: LibraryEvent): FormValues {
  return { title: event.title, serviceArea: event.serviceArea, description: event.description };
}

/** The latest day an occurrence may be on: a year after the library's today (planned sessions may be entered ahead). */
export function latestOccurrenceDay(today: string): string {
  return Temporal.PlainDate.from(today).add({ years: 1 }).toString();
}

/** True for a wall-clock time HH:MM from 00:00 to 23:59. */
const isClockTime = (text: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(text);

/**
 * Reads a posted occurrence form: a real day no more than a year after the
 * library's `today`, an optional start time, and attendance left blank (not
 * recorded) or a whole number from 0 to 100,000. Every problem is shown at
 * once, next to its field.
 */
export function readOccurrenceForm(body: unknown, t: Translate, today: string): FormResult<OccurrenceInput> {
  const form = validateForm(OccurrenceForm, body, t);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const heldOn = String(form.values.heldOn ?? '').trim();
  if (!errors.heldOn && !isCalendarDate(heldOn)) errors.heldOn = t('events.error.heldOn');
  if (!errors.heldOn && heldOn > latestOccurrenceDay(today)) errors.heldOn = t('events.error.heldOnTooLate');
  const startsAt = String(form.values.startsAt ?? '').trim();
  if (!errors.startsAt && startsAt !== '' && !isClockTime(startsAt)) errors.startsAt = t('events.error.startsAt');
  const counted = String(form.values.attendance ?? '').trim();
  const attendance = counted === '' ? null : Number(counted.replace(/,/g, ''));
  if (!errors.attendance && attendance !== null && attendance > MAX_ATTENDANCE) errors.attendance = t('events.error.attendance');
  if (!form.ok || Object.keys(errors).length > 0) return failed(OccurrenceForm, form.values, errors);
  return { ok: true, values: form.values, value: { heldOn, startsAt: startsAt || null, attendance, note: form.value.note ?? '' } };
}

/** An occurrence's current values, to fill its edit form. */
export function occurrenceFormValues(occurrence: Occurrence): FormValues {
  return {
    heldOn: occurrence.heldOn,
    startsAt: occurrence.startsAt ?? '',
    attendance: occurrence.attendance === null ? '' : String(occurrence.attendance),
    note: occurrence.note,
  };
}
