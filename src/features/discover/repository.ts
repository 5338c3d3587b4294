import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../db/types';
import type { DiscoverActivitiesTable, DiscoverInsightsTable } from '../../db/tables/discover';

export type ActivityRow = Selectable<DiscoverActivitiesTable>;
export type InsightRow = Selectable<DiscoverInsightsTable>;
/** An insight with the title of its activity, for showing. */
export type InsightWithActivityRow = InsightRow & { activity_title: string | null };

export interface InsightFilter {
  theme?: string;
  activityId?: string;
}

/** Queries for discovery activities, insights and their themes. Pass a transaction to group writes. */
export function createDiscoverRepository(db: Kysely<DB>) {
  /** Every query about one library's items starts here, so an id from another library never matches. */
  const activitiesOf = (libraryId: string) => db.selectFrom('discover_activities').where('library_id', '=', libraryId);

  const insightsOf = (libraryId: string, filter: InsightFilter = {}) => {
    let q = db.selectFrom('discover_insights').where('discover_insights.library_id', '=', libraryId);
    if (filter.activityId) q = q.where('discover_insights.activity_id', '=', filter.activityId);
    if (filter.theme) {
      const theme = filter.theme;
      q = q.where('discover_insights.id', 'in', (eb) =>
        eb.selectFrom('discover_insight_themes').select('insight_id').where('theme', '=', theme),
      );
    }
    return q;
  };

  /** Insights with their activity's title, newest first. */
  const insightsWithActivity = (libraryId: string, filter: InsightFilter = {}) =>
    insightsOf(libraryId, filter)
      .leftJoin('discover_activities', 'discover_activities.id', 'discover_insights.activity_id')
      .selectAll('discover_insights')
      .select('discover_activities.title as activity_title');

  /** A count as a number: PostgreSQL returns it as text. */
  const toCount = (row: { n: unknown }) => Number(row.n);

  return {
    findActivity: (libraryId: string, id: string) => activitiesOf(libraryId).selectAll().where('id', '=', id).executeTakeFirst(),
    countActivities: async (libraryId: string) =>
      toCount(await activitiesOf(libraryId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()),
    /** A page of activities, most recent first. */
    listActivities: (libraryId: string, limit: number, offset: number) =>
      activitiesOf(libraryId).selectAll().orderBy('held_on', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    /** Every activity, oldest first, as a story tells them. */
    activitiesByDate: (libraryId: string) =>
      activitiesOf(libraryId).selectAll().orderBy('held_on').orderBy('created_at').orderBy('id').execute(),
    activityTotals: async (libraryId: string) => {
      const row = await activitiesOf(libraryId)
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number | string | null>('participants').as('participants')])
        .executeTakeFirstOrThrow();
      return { activities: toCount(row), participants: Number(row.participants ?? 0) };
    },
    insertActivities: (rows: ActivityRow[]) => db.insertInto('discover_activities').values(rows).execute(),
    /** Updates an activity of the library; true when it existed there. */
    updateActivity: async (libraryId: string, id: string, patch: Updateable<DiscoverActivitiesTable>) =>
      Number(
        (await db.updateTable('discover_activities').set(patch).where('library_id', '=', libraryId).where('id', '=', id).executeTakeFirst())
          .numUpdatedRows,
      ) > 0,
    /** Deletes an activity of the library; true when it existed there. */
    deleteActivity: async (libraryId: string, id: string) =>
      Number(
        (await db.deleteFrom('discover_activities').where('library_id', '=', libraryId).where('id', '=', id).executeTakeFirst())
          .numDeletedRows,
      ) > 0,

    findInsight: (libraryId: string, id: string) =>
      insightsWithActivity(libraryId).where('discover_insights.id', '=', id).executeTakeFirst(),
    countInsights: async (libraryId: string, filter: InsightFilter = {}) =>
      toCount(await insightsOf(libraryId, filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()),
    /** A page of insights matching the filter, newest first. */
    listInsights: (libraryId: string, filter: InsightFilter, limit: number, offset: number) =>
      insightsWithActivity(libraryId, filter)
        .orderBy('discover_insights.created_at', 'desc')
        .orderBy('discover_insights.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    /** Up to `limit` insights, those with the most themes first, then the newest. */
    mostThemedInsights: (libraryId: string, limit: number) =>
      insightsOf(libraryId)
        .leftJoin('discover_insight_themes', 'discover_insight_themes.insight_id', 'discover_insights.id')
        .select(['discover_insights.id', 'discover_insights.text', (eb) => eb.fn.count('discover_insight_themes.theme').as('themes')])
        .groupBy(['discover_insights.id', 'discover_insights.text', 'discover_insights.created_at'])
        .orderBy('themes', 'desc')
        .orderBy('discover_insights.created_at', 'desc')
        .orderBy('discover_insights.id', 'desc')
        .limit(limit)
        .execute(),
    insightChoices: (libraryId: string) =>
      insightsOf(libraryId)
        .select(['id', 'text'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    insertInsights: (rows: InsightRow[]) => db.insertInto('discover_insights').values(rows).execute(),
    /** Updates an insight of the library; true when it existed there. */
    updateInsight: async (libraryId: string, id: string, patch: Updateable<DiscoverInsightsTable>) =>
      Number(
        (await db.updateTable('discover_insights').set(patch).where('library_id', '=', libraryId).where('id', '=', id).executeTakeFirst())
          .numUpdatedRows,
      ) > 0,
    /** Deletes an insight of the library (its themes go with it); true when it existed there. */
    deleteInsight: async (libraryId: string, id: string) =>
      Number(
        (await db.deleteFrom('discover_insights').where('library_id', '=', libraryId).where('id', '=', id).executeTakeFirst())
          .numDeletedRows,
      ) > 0,

    /** The themes of these insights, alphabetically. */
    themesOf: (insightIds: string[]) =>
      insightIds.length
        ? db
            .selectFrom('discover_insight_themes')
            .select(['insight_id', 'theme'])
            .where('insight_id', 'in', insightIds)
            .orderBy('theme')
            .execute()
        : Promise.resolve([]),
    /** Every theme the library's insights use, alphabetically. */
    themesInUse: async (libraryId: string) =>
      (
        await db
          .selectFrom('discover_insight_themes')
          .innerJoin('discover_insights', 'discover_insights.id', 'discover_insight_themes.insight_id')
          .select('discover_insight_themes.theme')
          .distinct()
          .where('discover_insights.library_id', '=', libraryId)
          .orderBy('discover_insight_themes.theme')
          .execute()
      ).map((r) => r.theme),
    insertThemes: (rows: Array<{ insight_id: string; theme: string }>) =>
      rows.length ? db.insertInto('discover_insight_themes').values(rows).execute() : Promise.resolve([]),
    deleteThemes: (insightId: string) => db.deleteFrom('discover_insight_themes').where('insight_id', '=', insightId).execute(),
  };
}

export type DiscoverRepository = ReturnType<typeof createDiscoverRepository>;
