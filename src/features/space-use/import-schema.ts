import type { Translate } from '../../i18n';
import { isTimeZone } from '../../i18n/format';
import type { Upload } from '../../server/uploads';
import type { FieldErrors, FormResult, FormValues } from '../../ui/forms';
import type { LocationMapping } from './import-service';
import type { Space } from './service';
import type { SumaExport } from './suma';

/** The largest Suma file the import accepts: a year of a busy initiative's raw export is a few megabytes. */
export const MAX_IMPORT_MEGABYTES = 20;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MEGABYTES * 1024 * 1024;

/** The value of a location's field that leaves the location out. */
export const SKIP = 'skip';

/** The mapping form's field for a Suma location. */
export const locationField = (locationId: number): string => `location-${locationId}`;

/** Why an upload is refused before its content is looked at. */
export type UploadRefusal = 'noFile' | 'tooLarge' | 'notCsv';

const isUpload = (value: unknown): value is Upload => typeof value === 'object' && value !== null && Buffer.isBuffer((value as Upload).bytes);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of an uploaded file, or why it is refused: a CSV file is UTF-8
 * text (Suma writes UTF-8), so bytes that do not decode, or that hold a NUL
 * (a spreadsheet, a zip, an image), are not one.
 */
export function uploadedText(upload: unknown): { ok: true; text: string } | { ok: false; refusal: UploadRefusal } {
  // A form sent urlencoded can name a field `upload` too: only a file read by `readUpload` has bytes.
  if (!isUpload(upload)) return { ok: false, refusal: 'noFile' };
  if (upload.tooLarge) return { ok: false, refusal: 'tooLarge' };
  let text: string;
  try {
    text = utf8.decode(upload.bytes);
  } catch {
    return { ok: false, refusal: 'notCsv' };
  }
  return text.includes('\0') ? { ok: false, refusal: 'notCsv' } : { ok: true, text };
}

/**
 * Why a parsed file cannot be imported at all, or undefined when it holds
 * counts: no Suma header means another kind of CSV, and a Suma file none of
 * whose rows could be read has nothing to preview.
 */
export function parsedRefusal(parsed: SumaExport): 'notSuma' | 'nothingRead' | undefined {
  if (parsed.counts.length > 0) return undefined;
  return parsed.problems.some((p) => p.code === 'no-header' || p.code === 'bad-header') ? 'notSuma' : 'nothingRead';
}

/** What the mapping form asked for. */
export interface ImportChoice {
  mapping: LocationMapping;
  timeZone: string;
  /** The person chose to import the rows that could be read and leave out the rest. */
  goodRowsOnly: boolean;
}

/** The first string of a posted value (a field sent twice keeps its first). */
const first = (value: unknown): string | undefined => {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : undefined;
};

/**
 * The mapping form's values before anything was chosen: a location whose
 * name is a zone's name (ignoring case) goes to that zone, every other one
 * waits for a choice; the time zone is the library's.
 */
export function defaultChoiceValues(parsed: SumaExport, space: Space, timeZone: string): FormValues {
  const byName = new Map(space.zones.map((z) => [z.name.trim().toLowerCase(), z.id]));
  const guess = (l: SumaExport['locations'][number]) => byName.get(l.leafTitle.trim().toLowerCase()) ?? byName.get(l.title.trim().toLowerCase()) ?? '';
  return { timeZone, ...Object.fromEntries(parsed.locations.map((l) => [locationField(l.id), guess(l)])) };
}

/**
 * Reads the mapping form: each location of the file goes to one of the
 * space's zones or is skipped (a choice must be made for each), and the time
 * zone the Suma times are in. Values that name no zone of this space are
 * refused, whatever the page offered.
 */
export function readImportChoice(body: unknown, space: Space, parsed: SumaExport, t: Translate): FormResult<ImportChoice> {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const zones = new Set(space.zones.map((z) => z.id));
  const errors: FieldErrors = {};
  const values: FormValues = {};
  const mapping = new Map<number, string | null>();
  for (const location of parsed.locations) {
    const name = locationField(location.id);
    const value = first(raw[name]) ?? '';
    values[name] = value;
    if (value === SKIP) mapping.set(location.id, null);
    else if (zones.has(value)) mapping.set(location.id, value);
    else errors[name] = t('spaceUseImport.error.chooseZone', { location: location.title });
  }
  if (Object.keys(errors).length === 0 && ![...mapping.values()].some((zone) => zone !== null)) {
    const [firstLocation] = parsed.locations;
    if (firstLocation) errors[locationField(firstLocation.id)] = t('spaceUseImport.error.noneMapped');
  }
  const timeZone = first(raw.timeZone)?.trim() ?? '';
  values.timeZone = timeZone;
  if (!isTimeZone(timeZone)) errors.timeZone = t('spaceUseImport.error.timeZone');
  const goodRowsOnly = first(raw.goodRowsOnly) === 'yes';
  if (goodRowsOnly) values.goodRowsOnly = 'yes';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, value: { mapping, timeZone, goodRowsOnly }, values };
}
