import { intlTag, type Locale } from './define';

/** A date-time shown in a person's or library's time zone, e.g. "30 Nov 2026, 14:05". */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** A calendar date stored as YYYY-MM-DD, shown without time-zone shifting. */
export function formatDate(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A whole number with grouping, e.g. 12,646. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale)).format(value);
}

/** An amount of US dollars given in cents, e.g. $5,000. */
export function formatMoney(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

/**
 * Cents from a dollar amount as people write it and a form pattern accepted:
 * "$1,250.5" is 125050. Works on the digits as text, so no floating-point
 * rounding creeps in.
 */
export function dollarsToCents(text: string): number {
  const [whole = '0', fraction = ''] = text.replace(/[$,\s]/g, '').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** True when the name is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

/** The IANA time zones offered in pickers, US zones first. */
export function timeZoneOptions(): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  const us = all.filter((z) => z.startsWith('America/') || z.startsWith('Pacific/Honolulu'));
  return [...new Set([...us, ...all, 'UTC'])];
}
