/** Tables of the learning feature (see migration 0020-learning). */
export interface LearningTables {
  learning_modules: LearningModulesTable;
}

/** One module of a cohort's curriculum, e.g. "Active learning and placemaking". */
export interface LearningModulesTable {
  id: string;
  cohort_id: string;
  /** The order program staff chose: lower first; readers break ties by id. */
  position: number;
  title: string;
  /** One of the six phases of the method, e.g. 'discover'. */
  phase: string;
  /** Markdown, rendered through the sanitiser; '' when not given. */
  introduction: string;
  /** Learning objectives, one per line; '' when none. */
  objectives: string;
  /** The day it opens to learners, YYYY-MM-DD, read in each learner's time zone. */
  opens_on: string;
  created_at: string;
  updated_at: string;
}
