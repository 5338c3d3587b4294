/** Tables of the space-use feature (see migration 0017-space-use). */
export interface SpaceUseTables {
  spaces: SpacesTable;
  zones: ZonesTable;
  sweeps: SweepsTable;
  sweep_counts: SweepCountsTable;
}

/** A space of a library whose use is measured, e.g. "Makerspace". */
export interface SpacesTable {
  id: string;
  library_id: string;
  name: string;
  /** Order among the library's spaces, from 0. */
  position: number;
  /** The current layout version, from 1; a new version starts when the furniture moves. */
  layout_version: number;
  created_at: string;
  updated_at: string;
}

/** A part of a space counted on its own, with how many people it holds. */
export interface ZonesTable {
  id: string;
  space_id: string;
  name: string;
  /** Seats or people the zone holds. */
  capacity: number;
  /** Order within the space, from 0. */
  position: number;
  /** The layout version the zone first appeared in; a zone that carries over keeps its id. */
  layout_version: number;
  created_at: string;
}

/** One walk through a space. The id is made by the recording device (a UUID). */
export interface SweepsTable {
  id: string;
  library_id: string;
  space_id: string;
  /** The space's layout version when the sweep was taken. */
  layout_version: number;
  /** UTC ISO. */
  started_at: string;
  ended_at: string | null;
  recorded_by: string | null;
  /** '' when none. */
  note: string;
  created_at: string;
}

/** The people seen in one zone on one sweep. */
export interface SweepCountsTable {
  sweep_id: string;
  zone_id: string;
  /** NULL: the zone was not observed; 0: looked, nobody there. */
  people: number | null;
}
