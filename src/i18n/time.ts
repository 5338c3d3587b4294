import { Temporal } from 'temporal-polyfill';

/**
 * Calendar days and wall-clock times in a library's time zone. Days are
 * YYYY-MM-DD text; instants are ISO text in UTC, as the database stores them.
 * Time-zone arithmetic goes through the Temporal API (`temporal-polyfill`),
 * which knows every zone's daylight-saving rules, instead of offsets worked
 * out by hand.
 */

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A `datetime-local` value, with or without seconds. */
const LOCAL_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** True for a real calendar day written YYYY-MM-DD (so 2017-02-30 is refused). */
export function isCalendarDate(text: string): boolean {
  return DAY_PATTERN.test(text) && plainDate(text) !== undefined;
}

/** A day moved by a number of days (negative for earlier). */
export function addDays(day: string, days: number): string {
  return Temporal.PlainDate.from(day).add({ days }).toString();
}

/** The day of YYYY-MM-DD text, or undefined when it is not a real day. */
function plainDate(text: string): Temporal.PlainDate | undefined {
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}

/** Day formatters by time zone: making one costs far more than using it, and patron pages ask on every view. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Today's date (YYYY-MM-DD) in a time zone: a library's day ends at its own midnight, not UTC's. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = dayFormat(timeZone).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** An instant as ISO text in UTC with milliseconds, the form the database stores and compares. */
const isoOf = (instant: Temporal.Instant): string => new Date(instant.epochMilliseconds).toISOString();

/**
 * The UTC instant (ISO) of a wall-clock time written as a `datetime-local`
 * value ("2026-12-01T09:30", or with seconds "2026-12-01T09:30:15") in a zone, or undefined when the text is not a
 * real date and time.
 *
 * Daylight-saving changes make some wall times ambiguous, resolved the way
 * Temporal's "compatible" disambiguation (and every calendar program) does:
 * - a time skipped when clocks go forward (02:30 on 8 March 2026 in New
 *   York) moves forward by the length of the jump, to 03:30 daylight time;
 * - a time that happens twice when clocks go back (01:30 on 1 November 2026
 *   in New York) is the earlier of the two, still daylight time.
 */
export function localToUtc(local: string, timeZone: string): string | undefined {
  if (!LOCAL_PATTERN.test(local)) return undefined;
  let wall: Temporal.PlainDateTime;
  try {
    // Refuses 2026-02-30, 25:00 and the like instead of rolling them over.
    wall = Temporal.PlainDateTime.from(local, { overflow: 'reject' });
  } catch {
    return undefined;
  }
  return isoOf(wall.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).toInstant());
}

/**
 * The UTC instant (ISO) at which a day (YYYY-MM-DD) starts in a zone, or
 * undefined for a day that is not real. That is midnight, or the first
 * moment after it where a daylight-saving change skips midnight.
 */
export function startOfDay(day: string, timeZone: string): string | undefined {
  const date = DAY_PATTERN.test(day) ? plainDate(day) : undefined;
  return date && isoOf(date.toZonedDateTime(timeZone).toInstant());
}

/** An instant (ISO) as the `datetime-local` value of its wall-clock time in a zone. */
export function utcToLocal(iso: string, timeZone: string): string {
  const wall = Temporal.Instant.fromEpochMilliseconds(Date.parse(iso)).toZonedDateTimeISO(timeZone).toPlainDateTime();
  return wall.toString({ smallestUnit: 'minute' });
}
