import type { Actor } from '../../policy';
import type { LibraryRole } from '../../db/types';
import type { AccountsService } from '../accounts/service';
import type { LibrariesService } from '../libraries/service';
import type { ProgramsService } from '../programs/service';

/** What the public home page shows: nothing private. */
export interface PublicHome {
  program: { name: string; description: string } | undefined;
  libraries: { id: string; slug: string; name: string; town: string; state: string }[];
  /** True while no active program admin exists, so the first-run setup is offered. */
  needsSetup: boolean;
}

interface LibraryLink {
  libraryId: string;
  slug: string;
  libraryName: string;
}

/** A signed-in person's dashboard, by role. */
export type Dashboard =
  | { role: 'admin'; counts: { libraries: number; people: number; invited: number } }
  | { role: 'coach'; coached: LibraryLink[] }
  | { role: 'staff'; libraries: (LibraryLink & { role: LibraryRole; teamSize: number })[] };

/**
 * The public home page and the signed-in dashboard. Both only gather what
 * other features' services know, so this feature keeps no tables.
 */
export function createHomeService({
  accounts,
  libraries,
  programs,
}: {
  accounts: AccountsService;
  libraries: LibrariesService;
  programs: ProgramsService;
}) {
  return {
    /** The program, its libraries and whether setup is still open, in three small queries. */
    async publicHome(): Promise<PublicHome> {
      const [program, all, hasAdmin] = await Promise.all([programs.getProgram(), libraries.allLibraries(), accounts.hasAdmin()]);
      return {
        program: program && { name: program.name, description: program.description },
        libraries: all.map(({ id, slug, name, town, state }) => ({ id, slug, name, town, state })),
        needsSetup: !hasAdmin,
      };
    },

    /** Counts for admins; the coached libraries for coaches; each library and its team size for staff. */
    async dashboard(actor: Actor): Promise<Dashboard> {
      if (actor.role === 'admin') {
        const [all, people, invited] = await Promise.all([
          libraries.listLibraries({ visible: 'all' }, 1),
          accounts.listPeople({}, 1),
          accounts.listPeople({ status: 'invited' }, 1),
        ]);
        return { role: 'admin', counts: { libraries: all.total, people: people.total, invited: invited.total } };
      }
      const links = (await libraries.linksForPeople([actor.id])).get(actor.id);
      if (actor.role === 'coach') return { role: 'coach', coached: links?.coached ?? [] };
      const memberships = links?.memberships ?? [];
      const teams = await Promise.all(memberships.map((m) => libraries.team(m.libraryId)));
      return {
        role: 'staff',
        libraries: memberships.map((m, index) => ({ ...m, teamSize: teams[index]?.members.length ?? 0 })),
      };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
