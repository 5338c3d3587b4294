import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { newId, nowIso } from '../../db/ids';
import { translator, type MessageKey } from '../../i18n';
import { paginate, type Page } from '../../db/pagination';
import type { WorkspaceService } from '../workspace/service';
import type { WorkspaceLibrary } from '../workspace/contracts';
import { createDiscoverRepository, type ActivityRow, type InsightFilter, type InsightRow, type InsightWithActivityRow } from './repository';
import { activityPath, insightPath } from './urls';

/** The kinds of discovery activity, in the order the method introduces them. */
export const ACTIVITY_KINDS = ['survey', 'wish-tree', 'dot-board', 'conversation', 'walk-through', 'partner-meeting', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The message key naming a kind of activity, e.g. "Wish Tree". */
export const kindLabel = (kind: ActivityKind): MessageKey => `discover.kind.${kind}`;

/** True for a known kind of activity. */
export function isActivityKind(value: string): value is ActivityKind {
  return (ACTIVITY_KINDS as readonly string[]).includes(value);
}

/** A discovery activity a library ran with its community. */
export interface Activity {
  id: string;
  libraryId: string;
  kind: ActivityKind;
  title: string;
  /** The day it took place, YYYY-MM-DD. */
  date: string;
  place: string;
  participants: number;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export type ActivityInput = Pick<Activity, 'kind' | 'title' | 'date' | 'place' | 'participants' | 'notes'>;

/** Something the library learnt about its community, tagged with themes. */
export interface Insight {
  id: string;
  libraryId: string;
  text: string;
  /** Lower case, alphabetical. */
  themes: string[];
  /** The activity it came from, if any. */
  activity: { id: string; title: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface InsightInput {
  text: string;
  themes: string[];
  activityId: string | null;
}

/** Refused: the activity named for an insight is not one of the library's. */
export class UnknownActivityError extends Error {
  constructor(readonly activityId: string) {
    super(`No activity ${activityId} in this library`);
  }
}

export interface DiscoverDeps {
  db: Kysely<DB>;
  workspace: WorkspaceService;
}

const PAGE_SIZE = 25;
/** How many insights a transformation story highlights. */
const HIGHLIGHTED_INSIGHTS = 8;

/**
 * A theme as stored: trimmed, single-spaced, lower case; themes that differ
 * only in case or spacing are one theme, so filtering finds them all.
 */
export function normaliseTheme(theme: string): string {
  return theme.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Distinct normalised themes, alphabetically, without empty ones. */
export function normaliseThemes(themes: readonly string[]): string[] {
  return [...new Set(themes.map(normaliseTheme).filter(Boolean))].sort();
}

const toActivity = (row: ActivityRow): Activity => ({
  id: row.id,
  libraryId: row.library_id,
  kind: isActivityKind(row.kind) ? row.kind : 'other',
  title: row.title,
  date: row.held_on,
  place: row.place,
  participants: Number(row.participants),
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const activityColumns = (input: ActivityInput) => ({
  kind: input.kind,
  title: input.title,
  held_on: input.date,
  place: input.place,
  participants: input.participants,
  notes: input.notes,
});

/** A short, single-line form of an insight, to name it in lists and comment notices. */
export function insightTitle(text: string, length = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/**
 * Discovery activities of a library and the insights drawn from them. Every
 * operation takes the library's id and matches it, so an id from another
 * library is never found, changed or linked.
 */
export function createDiscoverService({ db, workspace }: DiscoverDeps) {
  const repo = createDiscoverRepository(db);
  const english = translator('en');

  /** The themes of these insights by insight id, in one query. */
  async function themesByInsight(insightIds: string[]): Promise<Map<string, string[]>> {
    const themes = new Map<string, string[]>();
    for (const { insight_id, theme } of await repo.themesOf(insightIds)) {
      themes.set(insight_id, [...(themes.get(insight_id) ?? []), theme]);
    }
    return themes;
  }

  /** Adds each insight's themes. */
  async function withThemes(rows: InsightWithActivityRow[]): Promise<Insight[]> {
    const themes = await themesByInsight(rows.map((r) => r.id));
    return rows.map((row) => ({
      id: row.id,
      libraryId: row.library_id,
      text: row.text,
      themes: themes.get(row.id) ?? [],
      activity: row.activity_id && row.activity_title !== null ? { id: row.activity_id, title: row.activity_title } : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  async function checkActivity(libraryId: string, activityId: string | null): Promise<void> {
    if (activityId !== null && !(await repo.findActivity(libraryId, activityId))) throw new UnknownActivityError(activityId);
  }

  const insightRow = (libraryId: string, input: InsightInput, actorId: string | null, now: string): InsightRow => ({
    id: newId(),
    library_id: libraryId,
    activity_id: input.activityId,
    text: input.text,
    created_by: actorId,
    created_at: now,
    updated_at: now,
  });

  const themeRows = (insightId: string, themes: readonly string[]) =>
    normaliseThemes(themes).map((theme) => ({ insight_id: insightId, theme }));

  const activityRow = (libraryId: string, input: ActivityInput, actorId: string | null, now: string): ActivityRow => ({
    id: newId(),
    library_id: libraryId,
    ...activityColumns(input),
    created_by: actorId,
    created_at: now,
    updated_at: now,
  });

  const findActivity = async (libraryId: string, id: string) => {
    const row = await repo.findActivity(libraryId, id);
    return row && toActivity(row);
  };
  const findInsight = async (libraryId: string, id: string) => {
    const row = await repo.findInsight(libraryId, id);
    return row && (await withThemes([row]))[0];
  };

  workspace.registerSubject('activity', async (library: WorkspaceLibrary, id: string) => {
    const activity = await findActivity(library.id, id);
    return activity && { title: activity.title, path: activityPath(library, id) };
  });
  workspace.registerSubject('insight', async (library: WorkspaceLibrary, id: string) => {
    const insight = await findInsight(library.id, id);
    return insight && { title: insightTitle(insight.text), path: insightPath(library, id) };
  });

  const service = {
    /** A page (25 a page) of the library's activities, most recent first. */
    async listActivities(libraryId: string, page: number): Promise<Page<Activity>> {
      return paginate(await repo.countActivities(libraryId), page, PAGE_SIZE, async (limit, offset) =>
        (await repo.listActivities(libraryId, limit, offset)).map(toActivity),
      );
    },

    /** One activity of the library, or undefined (also for another library's activity). */
    getActivity: findActivity,

    /** The library's activities for a picker: id, title and date, most recent first. */
    async activityChoices(libraryId: string): Promise<Array<{ id: string; title: string; date: string }>> {
      return (await repo.activitiesByDate(libraryId)).reverse().map((row) => ({ id: row.id, title: row.title, date: row.held_on }));
    },

    /** Records an activity. */
    async createActivity(libraryId: string, input: ActivityInput, actorId: string | null): Promise<Activity> {
      const row = activityRow(libraryId, input, actorId, nowIso());
      await repo.insertActivities([row]);
      return toActivity(row);
    },

    /** Changes an activity of the library; false when there is no such activity there. */
    async updateActivity(libraryId: string, id: string, input: ActivityInput): Promise<boolean> {
      return repo.updateActivity(libraryId, id, { ...activityColumns(input), updated_at: nowIso() });
    },

    /** Deletes an activity of the library. Its insights are kept, no longer linked to it. */
    async deleteActivity(libraryId: string, id: string): Promise<boolean> {
      return repo.deleteActivity(libraryId, id);
    },

    /** A page (25 a page) of the library's insights, newest first, optionally on one theme or from one activity. */
    async listInsights(libraryId: string, filter: InsightFilter, page: number): Promise<Page<Insight>> {
      const theme = filter.theme === undefined ? undefined : normaliseTheme(filter.theme);
      const query = { theme, activityId: filter.activityId };
      return paginate(await repo.countInsights(libraryId, query), page, PAGE_SIZE, async (limit, offset) =>
        withThemes(await repo.listInsights(libraryId, query, limit, offset)),
      );
    },

    /** The library's newest insights. */
    async latestInsights(libraryId: string, limit: number): Promise<Insight[]> {
      return withThemes(await repo.listInsights(libraryId, {}, limit, 0));
    },

    /** Every theme the library's insights use, alphabetically. */
    themesInUse(libraryId: string): Promise<string[]> {
      return repo.themesInUse(libraryId);
    },

    /** One insight of the library with its themes and activity, or undefined (also for another library's). */
    getInsight: findInsight,

    /**
     * Records an insight with its themes (normalised to lower case).
     * Throws UnknownActivityError when the activity is not the library's.
     */
    async createInsight(libraryId: string, input: InsightInput, actorId: string | null): Promise<Insight> {
      await checkActivity(libraryId, input.activityId);
      const row = insightRow(libraryId, input, actorId, nowIso());
      await db.transaction().execute(async (trx) => {
        const tx = createDiscoverRepository(trx);
        await tx.insertInsights([row]);
        await tx.insertThemes(themeRows(row.id, input.themes));
      });
      return (await findInsight(libraryId, row.id))!;
    },

    /**
     * Changes an insight of the library and replaces its themes; false when
     * there is no such insight there. Throws UnknownActivityError as createInsight.
     */
    async updateInsight(libraryId: string, id: string, input: InsightInput): Promise<boolean> {
      await checkActivity(libraryId, input.activityId);
      return db.transaction().execute(async (trx) => {
        const tx = createDiscoverRepository(trx);
        const found = await tx.updateInsight(libraryId, id, { text: input.text, activity_id: input.activityId, updated_at: nowIso() });
        if (!found) return false;
        await tx.deleteThemes(id);
        await tx.insertThemes(themeRows(id, input.themes));
        return true;
      });
    },

    /** Deletes an insight of the library with its themes. */
    async deleteInsight(libraryId: string, id: string): Promise<boolean> {
      return repo.deleteInsight(libraryId, id);
    },

    /**
     * Records several activities, each with the insights drawn from it, in
     * one transaction: for imports and demo data, where many rows arrive at once.
     */
    async recordMany(
      libraryId: string,
      entries: ReadonlyArray<{ activity: ActivityInput; insights: ReadonlyArray<Omit<InsightInput, 'activityId'>> }>,
      actorId: string | null,
    ): Promise<void> {
      const now = nowIso();
      const activities = entries.map((entry) => activityRow(libraryId, entry.activity, actorId, now));
      const insights = entries.flatMap((entry, index) =>
        entry.insights.map((insight) => ({
          row: insightRow(libraryId, { ...insight, activityId: activities[index]!.id }, actorId, now),
          themes: insight.themes,
        })),
      );
      if (activities.length === 0) return;
      await db.transaction().execute(async (trx) => {
        const tx = createDiscoverRepository(trx);
        await tx.insertActivities(activities);
        if (insights.length) await tx.insertInsights(insights.map((i) => i.row));
        await tx.insertThemes(insights.flatMap((i) => themeRows(i.row.id, i.themes)));
      });
    },

    /** How much discovery the library has done: activities, people who took part in them, and insights. */
    async counts(libraryId: string) {
      const [totals, insights] = await Promise.all([repo.activityTotals(libraryId), repo.countInsights(libraryId)]);
      return { activities: totals.activities, participants: totals.participants, insights };
    },

    /** Insights to link ideas to: id and text, newest first. */
    async insightChoices(libraryId: string): Promise<Array<{ id: string; text: string }>> {
      return (await repo.insightChoices(libraryId)).map((row) => ({ id: row.id, text: row.text }));
    },

    /**
     * What a transformation story tells of discovery: every activity by date
     * (kind named in English), and up to eight insights, those tagged with the
     * most themes first.
     */
    async highlights(libraryId: string) {
      const [activities, insights] = await Promise.all([
        repo.activitiesByDate(libraryId),
        repo.mostThemedInsights(libraryId, HIGHLIGHTED_INSIGHTS),
      ]);
      const themes = await themesByInsight(insights.map((i) => i.id));
      return {
        activities: activities.map(toActivity).map((a) => ({
          title: a.title,
          kind: english(kindLabel(a.kind)),
          date: a.date,
          participants: a.participants,
        })),
        insights: insights.map((i) => ({ text: i.text, themes: themes.get(i.id) ?? [] })),
      };
    },
  };

  // The journey's Discover checklist reads the activities and insights recorded here.
  workspace.registerEvidence(async (libraryId) => {
    const { activities, insights } = await service.counts(libraryId);
    return [
      { item: 'activity', done: activities > 0, n: activities },
      { item: 'insights', done: insights > 0, n: insights },
    ];
  });

  return service;
}

export type DiscoverService = ReturnType<typeof createDiscoverService>;
