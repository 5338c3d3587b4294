import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { newId, nowIso } from '../../db/ids';
import { createProgramsRepository, type CohortRow, type ProgramRow } from './repository';

/** The program this instance runs (one per instance). */
export interface Program {
  id: string;
  name: string;
  description: string;
  managerName: string;
  managerEmail: string;
  updatedAt: string;
}

/** A group of libraries that go through the program together. */
export interface Cohort {
  id: string;
  programId: string;
  name: string;
  /** Calendar dates, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  subgrantCents: number;
  spendingCategories: string[];
}

export interface ProgramInput {
  name: string;
  description: string;
  managerName: string;
  managerEmail: string;
}

export type CohortInput = Omit<Cohort, 'id' | 'programId'>;

/** The longest allowed spending category name. */
export const MAX_CATEGORY_LENGTH = 80;
/** The most categories a cohort can have: enough for any budget, small enough to show. */
export const MAX_CATEGORIES = 50;
/**
 * The largest subgrant, in cents ($10 million). It keeps amounts well inside
 * a 32-bit integer column on PostgreSQL.
 */
export const MAX_SUBGRANT_CENTS = 1_000_000_000;

/** A cohort rule that input broke, and the input field it concerns. */
export type CohortProblem =
  | { field: 'endsOn'; problem: 'endsBeforeStart' }
  | { field: 'subgrantCents'; problem: 'outOfRange' }
  | { field: 'spendingCategories'; problem: 'noCategories' | 'categoryTooLong' | 'tooManyCategories' };

/** Thrown when a cohort's input breaks one of its rules; lists every problem found. */
export class InvalidCohortError extends Error {
  constructor(readonly problems: CohortProblem[]) {
    super(`Invalid cohort: ${problems.map((p) => p.problem).join(', ')}`);
  }
}

/** Thrown when a cohort is added before the program exists. */
export class NoProgramError extends Error {
  constructor() {
    super('Create the program before adding cohorts');
  }
}

/**
 * Trims category names, drops blank ones and removes duplicates (ignoring
 * case), keeping the first spelling and the given order.
 */
export function normaliseCategories(categories: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of categories) {
    const name = raw.trim();
    const key = name.toLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    result.push(name);
  }
  return result;
}

/** Every rule a cohort's input breaks; empty when it is valid. Categories are checked after normalising. */
export function cohortProblems(input: CohortInput): CohortProblem[] {
  const problems: CohortProblem[] = [];
  if (input.endsOn < input.startsOn) problems.push({ field: 'endsOn', problem: 'endsBeforeStart' });
  if (!Number.isSafeInteger(input.subgrantCents) || input.subgrantCents < 0 || input.subgrantCents > MAX_SUBGRANT_CENTS) {
    problems.push({ field: 'subgrantCents', problem: 'outOfRange' });
  }
  const categories = normaliseCategories(input.spendingCategories);
  if (categories.length === 0) problems.push({ field: 'spendingCategories', problem: 'noCategories' });
  else if (categories.some((c) => c.length > MAX_CATEGORY_LENGTH)) {
    problems.push({ field: 'spendingCategories', problem: 'categoryTooLong' });
  } else if (categories.length > MAX_CATEGORIES) {
    problems.push({ field: 'spendingCategories', problem: 'tooManyCategories' });
  }
  return problems;
}

function checkedCohort(input: CohortInput) {
  const problems = cohortProblems(input);
  if (problems.length) throw new InvalidCohortError(problems);
  return {
    name: input.name,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    subgrant_cents: input.subgrantCents,
    spending_categories: JSON.stringify(normaliseCategories(input.spendingCategories)),
  };
}

const toProgram = (row: ProgramRow): Program => ({
  id: row.id,
  name: row.name,
  description: row.description,
  managerName: row.manager_name,
  managerEmail: row.manager_email,
  updatedAt: row.updated_at,
});

const toCohort = (row: CohortRow): Cohort => ({
  id: row.id,
  programId: row.program_id,
  name: row.name,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  subgrantCents: Number(row.subgrant_cents),
  spendingCategories: JSON.parse(row.spending_categories) as string[],
});

/**
 * The program and its cohorts: dates, subgrant amount and the spending
 * categories a cohort's budgets are checked against.
 */
export function createProgramsService({ db }: { db: Kysely<DB> }) {
  const repo = createProgramsRepository(db);

  async function getProgram(): Promise<Program | undefined> {
    const row = await repo.findProgram();
    return row && toProgram(row);
  }

  return {
    /** The one program of this instance, or undefined before it is set up. */
    getProgram,

    /** Creates the program if there is none yet, otherwise updates it. */
    async saveProgram(input: ProgramInput): Promise<Program> {
      const now = nowIso();
      const fields = {
        name: input.name,
        description: input.description,
        manager_name: input.managerName,
        manager_email: input.managerEmail.toLowerCase(),
        updated_at: now,
      };
      const existing = await repo.findProgram();
      if (existing) {
        await repo.updateProgram(existing.id, fields);
        return toProgram({ ...existing, ...fields });
      }
      const row: ProgramRow = { id: newId(), created_at: now, ...fields };
      await repo.insertProgram(row);
      return toProgram(row);
    },

    /** The program's cohorts, earliest start first; empty before the program exists. */
    async listCohorts(): Promise<Cohort[]> {
      const program = await repo.findProgram();
      return program ? (await repo.listCohorts(program.id)).map(toCohort) : [];
    },

    /** One cohort by id, or undefined. */
    async getCohort(id: string): Promise<Cohort | undefined> {
      const row = await repo.findCohort(id);
      return row && toCohort(row);
    },

    /**
     * Adds a cohort to the program. Throws `NoProgramError` before the program
     * exists and `InvalidCohortError` when the input breaks a rule.
     */
    async createCohort(input: CohortInput): Promise<Cohort> {
      const fields = checkedCohort(input);
      const program = await repo.findProgram();
      if (!program) throw new NoProgramError();
      const now = nowIso();
      const row: CohortRow = { id: newId(), program_id: program.id, created_at: now, updated_at: now, ...fields };
      await repo.insertCohort(row);
      return toCohort(row);
    },

    /**
     * Changes a cohort. Throws `InvalidCohortError` when the input breaks a
     * rule, and a plain error when there is no such cohort.
     */
    async updateCohort(id: string, input: CohortInput): Promise<void> {
      const fields = checkedCohort(input);
      if (!(await repo.updateCohort(id, { ...fields, updated_at: nowIso() }))) throw new Error(`No cohort ${id}`);
    },
  };
}

export type ProgramsService = ReturnType<typeof createProgramsService>;
