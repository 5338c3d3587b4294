/** Month helpers for the plan's timeline; days themselves are handled by `src/i18n/time.ts`. */

/** The month of a date, YYYY-MM. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** Every month from the first to the last (both YYYY-MM), at most `limit` of them. */
export function monthsBetween(first: string, last: string, limit: number): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let current = first; current <= last && months.length < limit; ) {
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return months;
}
