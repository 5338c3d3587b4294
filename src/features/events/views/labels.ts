import { intlTag, type Locale, type Translate } from '../../../i18n';
import type { Option } from '../../../ui/forms';
import { SERVICE_AREAS, type ServiceArea } from '../service';

/** A service area in words, e.g. "Digital learning". */
export const serviceAreaLabel = (t: Translate, area: ServiceArea): string => t(`events.area.${area}`);

/** The service areas as choices, in their usual order. */
export const serviceAreaOptions = (t: Translate): Option[] => SERVICE_AREAS.map((area) => ({ value: area, label: serviceAreaLabel(t, area) }));

/**
 * A wall-clock time stored as HH:MM, written as the reader's language writes
 * times ("6:30 PM", "6:30 p. m."). It is a time of the library's day, not an
 * instant, so it is formatted as is, with no zone shift.
 */
export function formatClockTime(time: string, locale: Locale): string {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlTag(locale), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, hours, minutes));
}
