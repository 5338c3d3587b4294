/** Tables of the discover feature (see migration 0008-discover). */
export interface DiscoverTables {
  discover_activities: DiscoverActivitiesTable;
  discover_insights: DiscoverInsightsTable;
  discover_insight_themes: DiscoverInsightThemesTable;
}

/** A discovery activity a library ran with its community. */
export interface DiscoverActivitiesTable {
  id: string;
  library_id: string;
  /** One of the activity kinds, e.g. "wish-tree" (see ACTIVITY_KINDS in the discover service). */
  kind: string;
  title: string;
  /** The day it took place, YYYY-MM-DD. */
  held_on: string;
  /** Where it took place; '' when not given. */
  place: string;
  /** How many people took part. */
  participants: number;
  /** Plain text; '' when none. */
  notes: string;
  /** Null once the author's account is gone. */
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Something the library learnt about its community. */
export interface DiscoverInsightsTable {
  id: string;
  library_id: string;
  /** The activity it came from, in the same library; null when none (or deleted). */
  activity_id: string | null;
  text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One theme of an insight, stored lower case. */
export interface DiscoverInsightThemesTable {
  insight_id: string;
  theme: string;
}
