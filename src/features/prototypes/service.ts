import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { newId, nowIso } from '../../db/ids';
import type { PrototypeDecisionValue } from '../../db/tables/prototypes';
import { paginate, type Page } from '../../db/pagination';
import type { WorkspaceService } from '../workspace/service';
import type { WorkspaceLibrary } from '../workspace/contracts';
import type { DiscoverService } from '../discover/service';
import type { SurveysService } from '../surveys/service';
import { createPrototypesRepository, type IdeaRow, type PrototypeRow, type SessionRow } from './repository';
import { href } from '../../server/route-contract';
import { prototypesRoutes } from './route-table';

export type PrototypeDecision = PrototypeDecisionValue;
export const DECISIONS: readonly PrototypeDecision[] = ['keep', 'change', 'drop'];

/** An idea of a library, answering some of its insights. */
export interface Idea {
  id: string;
  libraryId: string;
  title: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export interface IdeaInput {
  title: string;
  description: string;
  /** Insights of the same library that the idea answers. */
  insightIds: string[];
}

/** A cheap prototype of an idea, and the decision taken on it after testing. */
export interface Prototype {
  id: string;
  libraryId: string;
  ideaId: string | null;
  title: string;
  description: string;
  materials: string;
  costCents: number;
  decision: PrototypeDecision | null;
  reason: string;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PrototypeInput {
  title: string;
  description: string;
  materials: string;
  costCents: number;
  /** An idea of the same library, or null. */
  ideaId: string | null;
}

export interface DecisionInput {
  /** null takes the decision back. */
  decision: PrototypeDecision | null;
  reason: string;
}

/** One session in which patrons tried a prototype. */
export interface TestSession {
  id: string;
  prototypeId: string;
  heldOn: string;
  place: string;
  patrons: number;
  observations: string;
  feedback: string;
  surveyId: string | null;
  createdAt: string;
}

export interface SessionInput {
  /** YYYY-MM-DD. */
  heldOn: string;
  place: string;
  patrons: number;
  observations: string;
  feedback: string;
  /** A survey of the same library, or null. */
  surveyId: string | null;
}

/** A linked item that is not one of the library's: the form field it came from. */
export class UnknownChoiceError extends Error {
  constructor(readonly field: 'insights' | 'idea' | 'survey') {
    super(`Unknown ${field} for this library`);
  }
}

/** A decision given without its reason. */
export class MissingReasonError extends Error {
  constructor() {
    super('A decision needs a reason');
  }
}

export interface PrototypesDeps {
  db: Kysely<DB>;
  workspace: WorkspaceService;
  discover: DiscoverService;
  surveys: SurveysService;
}

const PAGE_SIZE = 25;

const toIdea = (row: IdeaRow): Idea => ({
  id: row.id,
  libraryId: row.library_id,
  title: row.title,
  description: row.description,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toPrototype = (row: PrototypeRow): Prototype => ({
  id: row.id,
  libraryId: row.library_id,
  ideaId: row.idea_id,
  title: row.title,
  description: row.description,
  materials: row.materials,
  costCents: Number(row.cost_cents),
  decision: row.decision,
  reason: row.decision_reason,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toSession = (row: SessionRow): TestSession => ({
  id: row.id,
  prototypeId: row.prototype_id,
  heldOn: row.held_on,
  place: row.place,
  patrons: Number(row.patrons),
  observations: row.observations,
  feedback: row.feedback,
  surveyId: row.survey_id,
  createdAt: row.created_at,
});

const sessionColumns = (input: SessionInput) => ({
  held_on: input.heldOn,
  place: input.place,
  patrons: input.patrons,
  observations: input.observations,
  feedback: input.feedback,
  survey_id: input.surveyId,
});

const prototypeColumns = (input: PrototypeInput) => ({
  title: input.title,
  description: input.description,
  materials: input.materials,
  cost_cents: input.costCents,
  idea_id: input.ideaId,
});

/** The address of the ideate section of a library. */
export const ideatePath = (library: Pick<WorkspaceLibrary, 'slug'>) => href(prototypesRoutes.ideate, { library: library.slug });
export const ideaPath = (library: Pick<WorkspaceLibrary, 'slug'>, id: string) => href(prototypesRoutes.idea, { library: library.slug, idea: id });
export const prototypePath = (library: Pick<WorkspaceLibrary, 'slug'>, id: string) =>
  href(prototypesRoutes.prototype, { library: library.slug, prototype: id });

/**
 * Ideas (each answering insights from discovery), the cheap prototypes made
 * from them, the sessions in which patrons tried each prototype, and the
 * keep / change / drop decision on each. Every operation takes the library's
 * id, so an id from another library finds nothing.
 */
export function createPrototypesService(deps: PrototypesDeps) {
  const { db, workspace, discover, surveys } = deps;
  const repo = createPrototypesRepository(db);

  workspace.registerSubject('idea', async (library, id) => {
    const row = await repo.findIdea(library.id, id);
    return row && { title: row.title, path: ideaPath(library, row.id) };
  });
  workspace.registerSubject('prototype', async (library, id) => {
    const row = await repo.findPrototype(library.id, id);
    return row && { title: row.title, path: prototypePath(library, row.id) };
  });

  /**
   * The ids of the library's insights that still exist. Discover may delete an
   * insight an idea links to; the link is then ignored rather than counted.
   */
  async function existingInsightIds(libraryId: string): Promise<Set<string>> {
    return new Set((await discover.insightChoices(libraryId)).map((i) => i.id));
  }

  /** The chosen insights, deduplicated; throws unless every one is the library's. */
  async function checkInsights(libraryId: string, insightIds: string[]): Promise<string[]> {
    const chosen = [...new Set(insightIds)];
    if (chosen.length === 0) return chosen;
    const known = await existingInsightIds(libraryId);
    if (!chosen.every((id) => known.has(id))) throw new UnknownChoiceError('insights');
    return chosen;
  }

  async function checkIdea(libraryId: string, ideaId: string | null) {
    if (ideaId !== null && !(await repo.findIdea(libraryId, ideaId))) throw new UnknownChoiceError('idea');
  }

  async function checkSurvey(libraryId: string, surveyId: string | null) {
    if (surveyId === null) return;
    const known = await surveys.listForLibrary(libraryId);
    if (!known.some((s) => s.id === surveyId)) throw new UnknownChoiceError('survey');
  }

  const service = {
    /** How far the library has come: ideas, prototypes, those tested with patrons and those decided. */
    async counts(libraryId: string) {
      const [ideas, prototypes, decided, tested] = await Promise.all([
        repo.countIdeas(libraryId),
        repo.countPrototypes(libraryId),
        repo.countDecided(libraryId),
        repo.countTested(libraryId),
      ]);
      return { ideas, prototypes, decided, tested };
    },

    /** What a transformation story tells of the prototypes. */
    async summary(
      libraryId: string,
    ): Promise<Array<{ title: string; description: string; costCents: number; decision: PrototypeDecision | null; reason: string }>> {
      return (await repo.allPrototypes(libraryId)).map((row) => {
        const { title, description, costCents, decision, reason } = toPrototype(row);
        return { title, description, costCents, decision, reason };
      });
    },

    /**
     * Adds an idea, recorded at `at` (now unless given, e.g. for demo data).
     * Throws UnknownChoiceError('insights') when an insight is not the library's.
     */
    async createIdea(libraryId: string, input: IdeaInput, authorId: string | null, at = nowIso()): Promise<Idea> {
      const insightIds = await checkInsights(libraryId, input.insightIds);
      const now = at;
      const row: IdeaRow = {
        id: newId(),
        library_id: libraryId,
        title: input.title,
        description: input.description,
        created_by: authorId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertIdea(row, insightIds);
      return toIdea(row);
    },

    /** Changes an idea and its insights; false when the library has no such idea. */
    async updateIdea(libraryId: string, id: string, input: IdeaInput): Promise<boolean> {
      const insightIds = await checkInsights(libraryId, input.insightIds);
      return repo.updateIdea(libraryId, id, { title: input.title, description: input.description, updated_at: nowIso() }, insightIds);
    },

    /** Deletes an idea; prototypes made from it are kept, without the link. */
    async deleteIdea(libraryId: string, id: string): Promise<boolean> {
      return repo.deleteIdea(libraryId, id);
    },

    /** One idea of the library with the ids of the (still existing) insights it answers, or undefined. */
    async getIdea(libraryId: string, id: string): Promise<(Idea & { insightIds: string[] }) | undefined> {
      const row = await repo.findIdea(libraryId, id);
      if (!row) return undefined;
      const [linked, known] = await Promise.all([repo.insightIdsOf(row.id), existingInsightIds(libraryId)]);
      return { ...toIdea(row), insightIds: linked.filter((insightId) => known.has(insightId)) };
    },

    /** A page (25 a page) of the library's ideas, newest first, with how many insights each answers. */
    async listIdeas(libraryId: string, page: number): Promise<Page<Idea & { insightCount: number }>> {
      return paginate(await repo.countIdeas(libraryId), page, PAGE_SIZE, async (limit, offset) => {
        const rows = await repo.listIdeas(libraryId, limit, offset);
        const [links, known] = await Promise.all([repo.insightLinksOf(rows.map((r) => r.id)), existingInsightIds(libraryId)]);
        const insightCount = (ideaId: string) => links.filter((l) => l.idea_id === ideaId && known.has(l.insight_id)).length;
        return rows.map((r) => ({ ...toIdea(r), insightCount: insightCount(r.id) }));
      });
    },

    /** The library's ideas by title, to make a prototype from one. */
    async ideaChoices(libraryId: string): Promise<Array<{ id: string; title: string }>> {
      return repo.ideaTitles(libraryId);
    },

    /**
     * Adds a prototype, recorded at `at` (now unless given). Throws
     * UnknownChoiceError('idea') when the idea is not the library's.
     */
    async createPrototype(libraryId: string, input: PrototypeInput, authorId: string | null, at = nowIso()): Promise<Prototype> {
      await checkIdea(libraryId, input.ideaId);
      const now = at;
      const row: PrototypeRow = {
        id: newId(),
        library_id: libraryId,
        ...prototypeColumns(input),
        decision: null,
        decision_reason: '',
        decided_by: null,
        decided_at: null,
        created_by: authorId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertPrototype(row);
      return toPrototype(row);
    },

    /** Changes a prototype's details (not its decision); false when the library has no such prototype. */
    async updatePrototype(libraryId: string, id: string, input: PrototypeInput): Promise<boolean> {
      await checkIdea(libraryId, input.ideaId);
      return repo.updatePrototype(libraryId, id, { ...prototypeColumns(input), updated_at: nowIso() });
    },

    /** Deletes a prototype with its test sessions. */
    async deletePrototype(libraryId: string, id: string): Promise<boolean> {
      return repo.deletePrototype(libraryId, id);
    },

    /**
     * Records, changes or takes back the decision on a prototype, noting who
     * decided and when (`at` defaults to now). A decision needs a reason:
     * throws MissingReasonError without one.
     */
    async decide(libraryId: string, id: string, input: DecisionInput, deciderId: string | null, at = nowIso()): Promise<boolean> {
      const reason = input.reason.trim();
      if (input.decision !== null && !reason) throw new MissingReasonError();
      const decided = input.decision !== null;
      return repo.updatePrototype(libraryId, id, {
        decision: input.decision,
        decision_reason: decided ? reason : '',
        decided_by: decided ? deciderId : null,
        decided_at: decided ? at : null,
        updated_at: nowIso(),
      });
    },

    /** One prototype of the library, or undefined. */
    async getPrototype(libraryId: string, id: string): Promise<Prototype | undefined> {
      const row = await repo.findPrototype(libraryId, id);
      return row && toPrototype(row);
    },

    /** A page (25 a page) of the library's prototypes, newest first, with their number of test sessions. */
    async listPrototypes(libraryId: string, page: number): Promise<Page<Prototype & { sessionCount: number }>> {
      return paginate(await repo.countPrototypes(libraryId), page, PAGE_SIZE, async (limit, offset) =>
        (await repo.listPrototypes(libraryId, limit, offset)).map((r) => ({ ...toPrototype(r), sessionCount: Number(r.session_count ?? 0) })),
      );
    },

    /** The prototypes made from one idea of the library, oldest first. */
    async prototypesOfIdea(libraryId: string, ideaId: string): Promise<Prototype[]> {
      return (await repo.prototypesOfIdea(libraryId, ideaId)).map(toPrototype);
    },

    /**
     * Records test sessions of a prototype, in one statement. Throws
     * UnknownChoiceError('survey') when a survey is not the library's; false
     * when the library has no such prototype.
     */
    async addSessions(libraryId: string, prototypeId: string, inputs: SessionInput[], authorId: string | null): Promise<TestSession[] | false> {
      if (!(await repo.findPrototype(libraryId, prototypeId))) return false;
      for (const surveyId of new Set(inputs.map((i) => i.surveyId))) await checkSurvey(libraryId, surveyId);
      const now = nowIso();
      const rows: SessionRow[] = inputs.map((input) => ({
        id: newId(),
        library_id: libraryId,
        prototype_id: prototypeId,
        ...sessionColumns(input),
        created_by: authorId,
        created_at: now,
        updated_at: now,
      }));
      if (rows.length) await repo.insertSessions(rows);
      return rows.map(toSession);
    },

    /** Changes a test session; false when it is not a session of this prototype and library. */
    async updateSession(libraryId: string, prototypeId: string, id: string, input: SessionInput): Promise<boolean> {
      await checkSurvey(libraryId, input.surveyId);
      return repo.updateSession(libraryId, prototypeId, id, { ...sessionColumns(input), updated_at: nowIso() });
    },

    async deleteSession(libraryId: string, prototypeId: string, id: string): Promise<boolean> {
      return repo.deleteSession(libraryId, prototypeId, id);
    },

    /** One test session of a prototype of the library, or undefined. */
    async getSession(libraryId: string, prototypeId: string, id: string): Promise<TestSession | undefined> {
      const row = await repo.findSession(libraryId, prototypeId, id);
      return row && toSession(row);
    },

    /** A page (25 a page) of a prototype's test sessions, newest first. */
    async listSessions(libraryId: string, prototypeId: string, page: number): Promise<Page<TestSession>> {
      return paginate(await repo.countSessions(libraryId, prototypeId), page, PAGE_SIZE, async (limit, offset) =>
        (await repo.listSessions(libraryId, prototypeId, limit, offset)).map(toSession),
      );
    },
  };

  // The journey's Ideate checklist: a prototype tested, then every prototype decided.
  workspace.registerEvidence(async (libraryId) => {
    const { prototypes, decided, tested } = await service.counts(libraryId);
    return [
      { item: 'prototype', done: tested > 0, n: tested },
      { item: 'decide', done: prototypes > 0 && decided >= prototypes, n: decided },
    ];
  });

  return service;
}

export type PrototypesService = ReturnType<typeof createPrototypesService>;
