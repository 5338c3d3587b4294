/** Tables of the prototypes feature (see migration 0010-prototypes). */
export interface PrototypesTables {
  prototype_ideas: PrototypeIdeasTable;
  prototype_idea_insights: PrototypeIdeaInsightsTable;
  prototypes: PrototypesTable;
  prototype_sessions: PrototypeSessionsTable;
}

export type PrototypeDecisionValue = 'keep' | 'change' | 'drop';

/** An idea of one library for its space or service. */
export interface PrototypeIdeasTable {
  id: string;
  library_id: string;
  title: string;
  description: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** An insight (from discovery) that an idea answers. */
export interface PrototypeIdeaInsightsTable {
  idea_id: string;
  /** An insight of the idea's library, checked through the discover service. */
  insight_id: string;
}

/** A cheap prototype tried with patrons, and the decision taken on it. */
export interface PrototypesTable {
  id: string;
  library_id: string;
  /** The idea it was made from; null when none (or that idea was deleted). */
  idea_id: string | null;
  title: string;
  description: string;
  materials: string;
  cost_cents: number;
  /** null while undecided. */
  decision: PrototypeDecisionValue | null;
  /** Why it was decided; '' while undecided. */
  decision_reason: string;
  decided_by: string | null;
  decided_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One session in which patrons tried a prototype. */
export interface PrototypeSessionsTable {
  id: string;
  library_id: string;
  prototype_id: string;
  /** YYYY-MM-DD. */
  held_on: string;
  place: string;
  patrons: number;
  observations: string;
  feedback: string;
  /** A survey of the same library that gathered feedback; null when none. */
  survey_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
