/** Where a subscriber stands: double opt-in starts at `pending`. */
export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

/** A newsletter issue moves from draft to sending to sent; a retry of failures returns it to sending. */
export type IssueStatus = 'draft' | 'sending' | 'sent';

/**
 * One recipient's copy of an issue. A row is `claimed` just before it is
 * handed to SMTP and `sent` right after, so a copy claimed by a process that
 * died is known to be uncertain rather than silently sent again.
 */
export type DeliveryStatus = 'pending' | 'claimed' | 'sent' | 'failed';

export interface NewsletterSubscribersTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  status: SubscriberStatus;
  locale: 'en' | 'es';
  /** SHA-256 of the emailed confirmation token; cleared on unsubscribe. */
  token_hash: string | null;
  token_expires_at: string | null;
  /** When the last confirmation email went out, to send at most one every few minutes. */
  confirmation_sent_at: string | null;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

export interface NewsletterIssuesTable {
  id: string;
  subject: string;
  /** Markdown. */
  intro: string;
  /** JSON array of content item ids, in the order chosen. */
  item_ids: string;
  status: IssueStatus;
  /** The admin who composed it; null for demo data or when the account is gone. */
  created_by: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface NewsletterDeliveriesTable {
  issue_id: string;
  subscriber_id: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  /** Which batch claimed the row, so only that batch can record the outcome. */
  claim_id: string | null;
  claimed_at: string | null;
  sent_at: string | null;
}

/** Tables of the newsletter feature (see migration 0004). */
export interface NewsletterTables {
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_issues: NewsletterIssuesTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
}
