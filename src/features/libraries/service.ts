import type { Kysely } from 'kysely';
import type { DB, LibraryRole } from '../../db/types';
import { nowIso, newId } from '../../db/ids';
import type { RequestLibrary } from '../../server/types';
import type { LibraryLinks } from '../accounts/service';
import type { ProgramsService } from '../programs/service';
import { createLibrariesRepository, type LibraryFilter, type LibraryRow } from './repository';
import { paginate } from '../../db/pagination';
import { firstFreeSlug, slugify } from '../../i18n/slug';

/** A participating library and its public profile. */
export interface Library {
  id: string;
  /** The library's name in addresses, e.g. "glenns-ferry-public-library". Never changes. */
  slug: string;
  name: string;
  town: string;
  /** Two-letter US state code, e.g. "ID". */
  state: string;
  peopleServed: number | null;
  /** IANA time zone the library's times are shown in. */
  timeZone: string;
  /** The library's own site, or '' when it has none. */
  website: string;
  description: string;
  cohortId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type LibraryInput = Omit<Library, 'id' | 'slug' | 'createdAt' | 'updatedAt'>;

/** A person's place in the libraries they work in and coach, with names for showing. */
export interface PersonLibraryLinks {
  memberships: { libraryId: string; slug: string; libraryName: string; role: LibraryRole }[];
  coached: { libraryId: string; slug: string; libraryName: string }[];
}

export interface LibrariesDeps {
  db: Kysely<DB>;
  programs: ProgramsService;
}

/** Thrown when a library is put in a cohort that does not exist. */
export class UnknownCohortError extends Error {
  constructor(cohortId: string) {
    super(`No cohort ${cohortId}`);
  }
}

const PAGE_SIZE = 25;
/** Slugs that would clash with fixed addresses under /libraries/. */
const RESERVED_SLUGS = new Set(['new']);


const toLibrary = (row: LibraryRow): Library => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  town: row.town,
  state: row.state,
  peopleServed: row.people_served === null ? null : Number(row.people_served),
  timeZone: row.time_zone,
  website: row.website,
  description: row.description,
  cohortId: row.cohort_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toColumns = (input: LibraryInput) => ({
  name: input.name,
  town: input.town,
  state: input.state,
  people_served: input.peopleServed,
  time_zone: input.timeZone,
  website: input.website,
  description: input.description,
  cohort_id: input.cohortId,
});

/**
 * Participating libraries, their teams (leads and members) and their
 * coaches. It is also the source of the library links the policy reads.
 */
export function createLibrariesService({ db, programs }: LibrariesDeps) {
  const repo = createLibrariesRepository(db);

  /** Checked here rather than left to the foreign key, for a clear error on every database. */
  async function checkCohort(input: LibraryInput) {
    if (input.cohortId !== null && !(await programs.getCohort(input.cohortId))) throw new UnknownCohortError(input.cohortId);
  }

  /** The first free slug for a name: "name", then "name-2", "name-3", … */
  async function freeSlug(name: string): Promise<string> {
    return firstFreeSlug(slugify(name, 'library'), async (candidates) => [...(await repo.takenSlugs(candidates)), ...RESERVED_SLUGS]);
  }

  async function linksForPeople(userIds: string[]): Promise<Map<string, PersonLibraryLinks>> {
    const ids = [...new Set(userIds)];
    const links = new Map<string, PersonLibraryLinks>(ids.map((id) => [id, { memberships: [], coached: [] }]));
    if (ids.length === 0) return links;
    const [memberships, coaching] = await Promise.all([repo.membershipsOf(ids), repo.coachingOf(ids)]);
    for (const { userId, ...membership } of memberships) links.get(userId)?.memberships.push(membership);
    for (const { userId, ...coached } of coaching) links.get(userId)?.coached.push(coached);
    return links;
  }

  return {
    /** The few fields the access check needs for a `:library` address, or undefined. */
    async findForAccess(slug: string): Promise<RequestLibrary | undefined> {
      const row = await repo.findBySlug(slug);
      return row && { id: row.id, slug: row.slug, name: row.name, timeZone: row.time_zone };
    },

    /** Which libraries a person works in (with their role) and coaches: what the policy needs. */
    async linksOf(userId: string): Promise<LibraryLinks> {
      const links = (await linksForPeople([userId])).get(userId);
      return {
        memberships: links?.memberships.map(({ libraryId, role }) => ({ libraryId, role })) ?? [],
        coachedLibraryIds: links?.coached.map((c) => c.libraryId) ?? [],
      };
    },

    /** Adds a library; its slug is made from the name and kept unique. */
    async createLibrary(input: LibraryInput): Promise<Library> {
      await checkCohort(input);
      const now = nowIso();
      const row: LibraryRow = { id: newId(), slug: await freeSlug(input.name), created_at: now, updated_at: now, ...toColumns(input) };
      await repo.insert(row);
      return toLibrary(row);
    },

    /** Changes a library's profile. The slug stays, so links to the library keep working. */
    async updateLibrary(id: string, input: LibraryInput): Promise<void> {
      await checkCohort(input);
      if (!(await repo.update(id, { ...toColumns(input), updated_at: nowIso() }))) throw new Error(`No library ${id}`);
    },

    /** One library by its id, or undefined. */
    async getLibrary(id: string): Promise<Library | undefined> {
      const row = await repo.findById(id);
      return row && toLibrary(row);
    },

    /** One library by its slug, or undefined. */
    async getLibraryBySlug(slug: string): Promise<Library | undefined> {
      const row = await repo.findBySlug(slug);
      return row && toLibrary(row);
    },

    /** Every library, by name, for pickers. */
    async allLibraries(): Promise<Library[]> {
      return (await repo.listAll()).map(toLibrary);
    },

    /** A page (25 a page) of the libraries matching a filter and visible to the reader, by name. */
    async listLibraries(filter: LibraryFilter, page: number) {
      const total = await repo.count(filter);
      return paginate(total, page, PAGE_SIZE, async (limit, offset) => (await repo.list(filter, limit, offset)).map(toLibrary));
    },

    /** How many libraries each cohort has, by cohort id (cohorts without libraries are absent). */
    async countByCohort(): Promise<Map<string, number>> {
      const rows = await repo.countByCohort();
      return new Map(rows.flatMap((r) => (r.cohort_id ? [[r.cohort_id, Number(r.n)] as const] : [])));
    },

    /** Makes a person a member or lead of a library, or changes their role there. */
    async addMember(libraryId: string, userId: string, role: LibraryRole): Promise<void> {
      await repo.upsertMember(libraryId, userId, role, nowIso());
    },

    /** Takes a person off a library's team. Their account stays. */
    async removeMember(libraryId: string, userId: string): Promise<void> {
      await repo.deleteMember(libraryId, userId);
    },

    /** Sets exactly which libraries a person coaches, replacing the previous set. */
    async setCoachedLibraries(userId: string, libraryIds: string[]): Promise<void> {
      await repo.replaceCoaching(userId, [...new Set(libraryIds)], nowIso());
    },

    /** A library's members (in the order they joined) and its coaches' ids. */
    async team(libraryId: string) {
      const [members, coaches] = await Promise.all([repo.membersOf(libraryId), repo.coachesOf(libraryId)]);
      return {
        members: members.map((m) => ({ userId: m.user_id, role: m.role })),
        coachIds: coaches.map((c) => c.user_id),
      };
    },

    /** For each person asked about, the libraries they work in and coach, with names, by library name. */
    linksForPeople,
  };
}

export type LibrariesService = ReturnType<typeof createLibrariesService>;
