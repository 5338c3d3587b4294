import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';

/** A sweep with the people counted in the zones observed on it, summed by the database. */
export interface SweepTotalRow {
  id: string;
  started_at: string;
  people: number;
}

/** One zone's counts over a period, summed by the database. */
export interface ZoneTotalRow {
  zone_id: string;
  people: number;
  observed: number;
}

/** A window of sweeps: `[from, to)` as UTC ISO instants, and optionally one zone. */
export interface SweepWindow {
  libraryId: string;
  spaceId: string;
  from: string;
  to: string;
  zoneId?: string | undefined;
}

/**
 * The queries behind space-use reports. Counts are summed in SQL, one row per
 * sweep or per zone, so a report never loads the count rows themselves.
 * Zones not observed (NULL) are left out of every sum and count.
 */
export function createSpaceReportRepository(db: Kysely<DB>) {
  /** The observed counts of a space's sweeps in a window. */
  const observedCounts = (w: SweepWindow) => {
    let query = db
      .selectFrom('sweeps')
      .innerJoin('sweep_counts', 'sweep_counts.sweep_id', 'sweeps.id')
      .where('sweeps.library_id', '=', w.libraryId)
      .where('sweeps.space_id', '=', w.spaceId)
      .where('sweeps.started_at', '>=', w.from)
      .where('sweeps.started_at', '<', w.to)
      .where('sweep_counts.people', 'is not', null);
    if (w.zoneId !== undefined) query = query.where('sweep_counts.zone_id', '=', w.zoneId);
    return query;
  };

  return {
    /** Each sweep of the window that observed at least one zone, with its people summed, oldest first. */
    async sweepTotals(w: SweepWindow): Promise<SweepTotalRow[]> {
      const rows = await observedCounts(w)
        .groupBy(['sweeps.id', 'sweeps.started_at'])
        .select(['sweeps.id', 'sweeps.started_at'])
        .select((eb) => eb.fn.sum<number | string>('sweep_counts.people').as('people'))
        .orderBy('sweeps.started_at')
        .orderBy('sweeps.id')
        .execute();
      // PostgreSQL sums integers as bigint, which the driver hands over as text.
      return rows.map((r) => ({ id: r.id, started_at: r.started_at, people: Number(r.people) }));
    },

    /** Each zone's people summed over the window, and on how many sweeps it was observed. */
    async zoneTotals(w: SweepWindow): Promise<ZoneTotalRow[]> {
      const rows = await observedCounts(w)
        .groupBy('sweep_counts.zone_id')
        .select('sweep_counts.zone_id')
        .select((eb) => [eb.fn.sum<number | string>('sweep_counts.people').as('people'), eb.fn.count<number | string>('sweep_counts.people').as('observed')])
        .orderBy('sweep_counts.zone_id')
        .execute();
      return rows.map((r) => ({ zone_id: r.zone_id, people: Number(r.people), observed: Number(r.observed) }));
    },

    /** The first and last start of a space's sweeps, or undefined when it has none. */
    async sweepRange(libraryId: string, spaceId: string): Promise<{ first: string; last: string } | undefined> {
      const row = await db
        .selectFrom('sweeps')
        .where('library_id', '=', libraryId)
        .where('space_id', '=', spaceId)
        .select((eb) => [eb.fn.min('started_at').as('first'), eb.fn.max('started_at').as('last')])
        .executeTakeFirst();
      return row?.first && row.last ? { first: String(row.first), last: String(row.last) } : undefined;
    },

    /** A batch of a space's sweeps after a position (start, id), oldest first, with their counts. */
    async sweepsAfter(libraryId: string, spaceId: string, after: { started_at: string; id: string } | undefined, limit: number) {
      let query = db.selectFrom('sweeps').selectAll().where('library_id', '=', libraryId).where('space_id', '=', spaceId);
      if (after) {
        query = query.where((eb) =>
          eb.or([eb('started_at', '>', after.started_at), eb.and([eb('started_at', '=', after.started_at), eb('id', '>', after.id)])]),
        );
      }
      const sweeps = await query.orderBy('started_at').orderBy('id').limit(limit).execute();
      const counts = sweeps.length
        ? await db.selectFrom('sweep_counts').selectAll().where('sweep_id', 'in', sweeps.map((s) => s.id)).execute()
        : [];
      return { sweeps, counts };
    },
  };
}
