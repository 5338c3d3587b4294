import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { newId } from '../../db/ids';
import { todayIn } from '../../i18n/time';
import { readsCohortModules, visibleLibraryIds, type Actor } from '../../policy';
import type { Clock } from '../../server/clock';
import type { LibrariesService } from '../libraries/service';
import type { Cohort, ProgramsService } from '../programs/service';
import { PHASES, type Phase } from '../workspace/contracts';
import { createLearningRepository, type ModuleRow } from './repository';

/** What program staff write for a module. */
export interface ModuleInput {
  title: string;
  phase: Phase;
  /** Markdown. */
  introduction: string;
  /** One objective per entry, trimmed, none blank. */
  objectives: string[];
  /** YYYY-MM-DD. */
  opensOn: string;
}

/** One module of a cohort's curriculum. */
export interface LearningModule extends ModuleInput {
  id: string;
  cohortId: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

/** A cohort's modules as a learner sees them on a given day. */
export interface CohortCurriculum {
  cohort: Cohort;
  /** Open modules (opening day on or before today), in the chosen order. */
  open: LearningModule[];
  /** Modules that open later, in the chosen order. */
  upcoming: LearningModule[];
}

/** A module someone may read, and whether it has opened for them. */
export interface ReadableModule {
  module: LearningModule;
  cohort: Cohort;
  isOpen: boolean;
}

export type MoveDirection = 'up' | 'down';

/** True for one of the six phases of the method. */
export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** Objectives as typed, one per line: trimmed, blank lines dropped. */
export function splitObjectives(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const toModule = (row: ModuleRow): LearningModule => ({
  id: row.id,
  cohortId: row.cohort_id,
  position: Number(row.position),
  title: row.title,
  phase: row.phase as Phase,
  introduction: row.introduction,
  objectives: splitObjectives(row.objectives),
  opensOn: row.opens_on,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const fields = (input: ModuleInput) => ({
  title: input.title,
  phase: input.phase,
  introduction: input.introduction,
  objectives: input.objectives.join('\n'),
  opens_on: input.opensOn,
});

export interface LearningDeps {
  db: Kysely<DB>;
  programs: ProgramsService;
  libraries: LibrariesService;
  /** The time "today" is read from in each person's zone; tests fix it. */
  clock?: Clock;
}

/**
 * Curriculum modules (decision record 034): program staff write a cohort's
 * ordered modules; the staff and coaches of the cohort's libraries read them,
 * each module from its opening day in the reader's own time zone.
 */
export function createLearningService({ db, programs, libraries, clock = Date.now }: LearningDeps) {
  const repo = createLearningRepository(db);
  const now = () => new Date(clock()).toISOString();

  /** The cohort of each library the person works in or coaches. */
  async function libraryCohorts(actor: Actor): Promise<Map<string, string | null>> {
    const ids = visibleLibraryIds(actor);
    if (ids === 'all') return new Map();
    const found = await Promise.all(ids.map((id) => libraries.getLibrary(id)));
    return new Map(found.flatMap((library) => (library ? [[library.id, library.cohortId] as const] : [])));
  }

  /** The cohorts whose modules the person reads: every cohort for admins, else those of their libraries. */
  async function readableCohorts(actor: Actor): Promise<Cohort[]> {
    const all = await programs.listCohorts();
    const links = await libraryCohorts(actor);
    return all.filter((cohort) => readsCohortModules(actor, cohort.id, links));
  }

  return {
    /** Today's date in a time zone: the day modules open on. */
    today(timeZone: string): string {
      return todayIn(timeZone, new Date(clock()));
    },

    /** A cohort's modules in the order program staff chose. */
    async listModules(cohortId: string): Promise<LearningModule[]> {
      return (await repo.listModules([cohortId])).map(toModule);
    },

    /** One module of the cohort, or undefined (also for another cohort's module). */
    async getModule(cohortId: string, id: string): Promise<LearningModule | undefined> {
      const row = await repo.findModule(id);
      return row && row.cohort_id === cohortId ? toModule(row) : undefined;
    },

    /** Adds a module at the end of the cohort's curriculum. */
    async createModule(cohortId: string, input: ModuleInput): Promise<LearningModule> {
      const at = now();
      const row: ModuleRow = { id: newId(), cohort_id: cohortId, position: await repo.nextPosition(cohortId), ...fields(input), created_at: at, updated_at: at };
      await repo.insertModule(row);
      return toModule(row);
    },

    /** Changes a module of the cohort; its place in the order stays. */
    async updateModule(cohortId: string, id: string, input: ModuleInput): Promise<void> {
      await repo.updateModule(cohortId, id, { ...fields(input), updated_at: now() });
    },

    /** Moves a module one place earlier or later in the cohort's order; at either end it stays. */
    async moveModule(cohortId: string, id: string, direction: MoveDirection): Promise<void> {
      await repo.move(cohortId, id, direction === 'up' ? -1 : 1);
    },

    /** Deletes a module of the cohort. */
    async deleteModule(cohortId: string, id: string): Promise<void> {
      await repo.removeModule(cohortId, id);
    },

    /**
     * The curricula a person follows, each split into the modules open today
     * in their time zone and those that open later: for staff and coaches
     * their libraries' cohorts, for admins every cohort.
     */
    async curriculaFor(actor: Actor): Promise<CohortCurriculum[]> {
      const cohorts = await readableCohorts(actor);
      const modules = (await repo.listModules(cohorts.map((cohort) => cohort.id))).map(toModule);
      const today = todayIn(actor.timeZone, new Date(clock()));
      return cohorts.map((cohort) => {
        const own = modules.filter((module) => module.cohortId === cohort.id);
        return { cohort, open: own.filter((m) => m.opensOn <= today), upcoming: own.filter((m) => m.opensOn > today) };
      });
    },

    /** A module the person may read, with whether it is open today in their time zone; undefined otherwise. */
    async readableModule(actor: Actor, id: string): Promise<ReadableModule | undefined> {
      const row = await repo.findModule(id);
      if (!row) return undefined;
      if (!readsCohortModules(actor, row.cohort_id, await libraryCohorts(actor))) return undefined;
      const cohort = await programs.getCohort(row.cohort_id);
      if (!cohort) return undefined;
      return { module: toModule(row), cohort, isOpen: row.opens_on <= todayIn(actor.timeZone, new Date(clock())) };
    },
  };
}

export type LearningService = ReturnType<typeof createLearningService>;
