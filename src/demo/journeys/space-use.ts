import { Temporal } from 'temporal-polyfill';
import type { Services } from '../../server/services';
import type { SpaceInput, SweepInput } from '../../features/space-use/service';
import { newId } from '../../db/ids';
import { addDays, localToUtc } from '../../i18n/time';
import type { JourneyContext, JourneyLibrary } from './context';
import { OPENING_DAYS } from './plan';

interface DemoSpace {
  space: SpaceInput;
  /** The plan's opening milestone, from which the transformed space is in use. */
  opensOn: string;
  /** Share of each zone's capacity in use on average, before and after the transformation. */
  use: { before: number; after: number };
}

type JourneyKey = keyof Omit<JourneyContext, 'adminId'>;

const SPACES: Record<JourneyKey, DemoSpace> = {
  glennsFerry: {
    space: {
      name: 'Makerspace (old VHS room)',
      zones: [
        { name: 'Work tables', capacity: 10 },
        { name: 'Craft and sewing corner', capacity: 6 },
        { name: '3D printer and laptops', capacity: 4 },
        { name: 'Reading chairs', capacity: 4 },
      ],
    },
    opensOn: OPENING_DAYS.glennsFerry,
    use: { before: 0.08, after: 0.4 },
  },
  madison: {
    space: {
      name: 'Main floor',
      zones: [
        { name: 'Window seating', capacity: 8 },
        { name: 'Open middle floor', capacity: 20 },
        { name: 'Children’s area', capacity: 12 },
        { name: 'Study tables', capacity: 10 },
      ],
    },
    opensOn: OPENING_DAYS.madison,
    use: { before: 0.15, after: 0.35 },
  },
  ignacio: {
    space: {
      name: 'Media lab corner',
      zones: [
        { name: 'Recording booth', capacity: 3 },
        { name: 'Editing stations', capacity: 6 },
        { name: 'Teen lounge', capacity: 8 },
      ],
    },
    opensOn: OPENING_DAYS.ignacio,
    use: { before: 0.1, after: 0.45 },
  },
};

/** Weeks of sweeps on each side of the opening day. */
export const WEEKS_EACH_SIDE = 26;
/**
 * The days of the week sweeps are taken on (ISO: 1 is Monday, so Tuesday and
 * Saturday) and the local hours of each day's sweeps. Two days a week keep
 * the first start within about a second of what it was without sweeps.
 */
const SWEEP_DAYS = [2, 6];
const SWEEP_HOURS = ['10:00', '14:00', '17:00'];
/** How busy each sweep hour is, relative to the day's mean: after school is the busiest. */
const HOUR_FACTOR: Record<string, number> = { '10:00': 0.6, '14:00': 1, '17:00': 1.4 };
/** The chance that a zone is not observed in a sweep (blocked view, a staff member called away). */
const NOT_OBSERVED = 0.03;

/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives
 * the same counts on every start, so the demo and its tests never vary.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from the text of a slug, to seed each library's generator differently. */
const seedOf = (text: string): number => [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0, 2166136261);

/** A planned sweep: its start (UTC ISO) and people per zone, in the space's zone order (null: not observed). */
export interface PlannedSweep {
  startedAt: string;
  people: Array<number | null>;
}

/**
 * The sweeps of a demo space: three a day on two days a week, at fixed
 * hours on the library's clock, for half a year on each side of the opening
 * day. Counts scatter around each zone's mean use, which rises once the
 * transformed space opens.
 */
export function plannedSweeps(library: Pick<JourneyLibrary, 'slug' | 'timeZone'>, demo: DemoSpace): PlannedSweep[] {
  const random = seededRandom(seedOf(library.slug));
  const opening = Temporal.PlainDate.from(demo.opensOn);
  const first = addDays(demo.opensOn, -7 * WEEKS_EACH_SIDE);
  const sweeps: PlannedSweep[] = [];
  for (let day = 0; day < 14 * WEEKS_EACH_SIDE; day++) {
    const date = Temporal.PlainDate.from(addDays(first, day));
    if (!SWEEP_DAYS.includes(date.dayOfWeek)) continue;
    const share = Temporal.PlainDate.compare(date, opening) < 0 ? demo.use.before : demo.use.after;
    for (const hour of SWEEP_HOURS) {
      const startedAt = localToUtc(`${date.toString()}T${hour}`, library.timeZone);
      if (!startedAt) throw new Error(`No instant for ${date.toString()} ${hour} in ${library.timeZone}`);
      const people = demo.space.zones.map(({ capacity }) => {
        if (random() < NOT_OBSERVED) return null;
        // Spread from half to one and a half times the mean; rounding down leaves quiet zones at zero.
        const expected = capacity * share * HOUR_FACTOR[hour]!;
        return Math.min(capacity, Math.floor(expected * (0.5 + random())));
      });
      sweeps.push({ startedAt, people });
    }
  }
  return sweeps;
}

/** Sweeps recorded at once: on PostgreSQL they go over several pooled connections, which keeps the first start short. */
const SWEEPS_AT_ONCE = 8;

/** Seeds one library's space and its sweeps, recorded by the library's member as any sweep is. */
async function seedSpace(services: Services, library: JourneyLibrary, demo: DemoSpace): Promise<void> {
  const { spaceUse } = services;
  const space = await spaceUse.createSpace(library.id, demo.space);
  const inputs = plannedSweeps(library, demo).map(
    (sweep): SweepInput => ({
      id: newId(),
      spaceId: space.id,
      startedAt: sweep.startedAt,
      endedAt: null,
      note: '',
      counts: space.zones.map((zone, n) => ({ zoneId: zone.id, people: sweep.people[n] ?? null })),
      confirmedHigh: false,
    }),
  );
  // The service stores one sweep per transaction and has no bulk insert, so sweeps are sent a few at a time.
  for (let start = 0; start < inputs.length; start += SWEEPS_AT_ONCE) {
    const outcomes = await Promise.all(inputs.slice(start, start + SWEEPS_AT_ONCE).map((input) => spaceUse.recordSweep(library.id, input, library.memberId)));
    const refused = outcomes.find((outcome) => outcome.status !== 'stored');
    if (refused) throw new Error(`Demo sweep of ${library.name} not stored: ${JSON.stringify(refused)}`);
  }
}

/** The demo space of each journey library, for tests to check against. */
export const DEMO_SPACES: Readonly<Record<JourneyKey, DemoSpace>> = SPACES;

/** Demo data for space use: a space per journey library with a year of sweeps around its opening. */
export async function seedDemoSpaceUse(services: Services, context: JourneyContext): Promise<void> {
  await seedSpace(services, context.glennsFerry, SPACES.glennsFerry);
  await seedSpace(services, context.madison, SPACES.madison);
  await seedSpace(services, context.ignacio, SPACES.ignacio);
}
