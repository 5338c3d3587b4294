/**
 * The database schema as TypeScript types, kept by hand next to the
 * migrations. Column names are snake_case as stored. The foundation's tables
 * are here; later features keep theirs in `tables/<feature>.ts`.
 */
import type { ContentTables } from './tables/content';
import type { NewsletterTables } from './tables/newsletter';
import type { ContactTables } from './tables/contact';
import type { ImagesTables } from './tables/images';
import type { WorkspaceTables } from './tables/workspace';
import type { DiscoverTables } from './tables/discover';
import type { SurveysTables } from './tables/surveys';
import type { PrototypesTables } from './tables/prototypes';
import type { PlanTables } from './tables/plan';
import type { PhotosTables } from './tables/photos';
import type { ShareTables } from './tables/share';
import type { JobsTables } from './tables/jobs';
import type { SpaceUseTables } from './tables/space-use';
import type { SpaceUseImportTables } from './tables/space-use-imports';
import type { EventsTables } from './tables/events';
import type { LearningTables } from './tables/learning';

export type Role = 'admin' | 'coach' | 'staff';
export type UserStatus = 'invited' | 'active' | 'deactivated';
export type LibraryRole = 'lead' | 'member';
export type TokenPurpose = 'invite' | 'reset';
export type Locale = 'en' | 'es';

export interface ProgramsTable {
  id: string;
  name: string;
  description: string;
  manager_name: string;
  manager_email: string;
  created_at: string;
  updated_at: string;
}

export interface CohortsTable {
  id: string;
  program_id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  subgrant_cents: number;
  /** JSON array of category names. */
  spending_categories: string;
  created_at: string;
  updated_at: string;
}

export interface LibrariesTable {
  id: string;
  slug: string;
  name: string;
  town: string;
  state: string;
  people_served: number | null;
  time_zone: string;
  website: string;
  description: string;
  cohort_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: Role;
  status: UserStatus;
  locale: Locale;
  time_zone: string;
  /** Base32 authenticator secret: being set up while `totp_enabled_at` is null, in use once it is set. */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The last 30-second time step whose code was accepted; an earlier or equal one is refused. */
  totp_last_step: number | null;
  created_at: string;
  updated_at: string;
}

export interface LibraryMembersTable {
  library_id: string;
  user_id: string;
  role: LibraryRole;
  created_at: string;
}

export interface CoachAssignmentsTable {
  library_id: string;
  user_id: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string;
  ip_address: string;
  /** 1 while the password was right but the second step of sign-in is still to come. */
  second_step_pending: number;
  /** Wrong codes entered at the second step of this sign-in. */
  second_step_failures: number;
}

/** A one-time recovery code for two-step sign-in, stored as its SHA-256. */
export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface AccountTokensTable {
  /** SHA-256 of the emailed token. */
  id: string;
  user_id: string;
  purpose: TokenPurpose;
  expires_at: string;
  used_at: string | null;
  /** Set when a newer link, an accepted invitation or a password change made this one void. */
  revoked_at: string | null;
  created_at: string;
}

export interface LoginAttemptsTable {
  id: string;
  email: string;
  ip_address: string;
  outcome: 'success' | 'failure';
  created_at: string;
}

/**
 * Sign-in attempts reserved in the current window, one row per limited key
 * (an account at an address, or an address). See decision 026.
 */
export interface SignInLimitsTable {
  key: string;
  window_started_at: string;
  attempts: number;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface DB
  extends ContentTables,
    NewsletterTables,
    ContactTables,
    ImagesTables,
    WorkspaceTables,
    DiscoverTables,
    SurveysTables,
    PrototypesTables,
    PlanTables,
    PhotosTables,
    ShareTables,
    JobsTables,
    SpaceUseTables,
    EventsTables,
    SpaceUseImportTables,
    LearningTables {
  settings: SettingsTable;
  programs: ProgramsTable;
  cohorts: CohortsTable;
  libraries: LibrariesTable;
  users: UsersTable;
  library_members: LibraryMembersTable;
  coach_assignments: CoachAssignmentsTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  login_attempts: LoginAttemptsTable;
  sign_in_limits: SignInLimitsTable;
  recovery_codes: RecoveryCodesTable;
  outbox: OutboxTable;
}
