import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/types';
import type {
  DeliveryStatus,
  IssueStatus,
  NewsletterIssuesTable,
  NewsletterSubscribersTable,
  SubscriberStatus,
} from '../../db/tables/newsletter';

export type SubscriberRow = Selectable<NewsletterSubscribersTable>;
export type IssueRow = Selectable<NewsletterIssuesTable>;

/** Counts of an issue's deliveries by status. */
export type DeliveryCounts = Record<DeliveryStatus, number>;

const count = (value: unknown) => Number(value ?? 0);

/** Queries for newsletter subscribers, issues and deliveries. */
export function createNewsletterRepository(db: Kysely<DB>) {
  const subscribers = (status?: SubscriberStatus) => {
    const q = db.selectFrom('newsletter_subscribers');
    return status ? q.where('status', '=', status) : q;
  };

  return {
    findSubscriberByEmail: (email: string) =>
      db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst(),
    findSubscriberById: (id: string) =>
      db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', id).executeTakeFirst(),
    findSubscriberByToken: (tokenHash: string) =>
      db.selectFrom('newsletter_subscribers').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),

    /** Inserts unless the address is already there; true when this call inserted it. */
    insertSubscriber: async (row: SubscriberRow) => {
      const result = await db
        .insertInto('newsletter_subscribers')
        .values(row)
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    /**
     * Gives a subscriber a new confirmation token, but only if none was sent
     * since `sentBefore`: of two simultaneous requests, one wins.
     */
    renewToken: async (id: string, patch: { token_hash: string; token_expires_at: string; confirmation_sent_at: string; locale: 'en' | 'es' }, sentBefore: string) => {
      const result = await db
        .updateTable('newsletter_subscribers')
        .set(patch)
        .where('id', '=', id)
        .where((eb) => eb.or([eb('confirmation_sent_at', 'is', null), eb('confirmation_sent_at', '<', sentBefore)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Lets the next subscribe request send a confirmation again (after a failed send). */
    clearConfirmationSent: (id: string) =>
      db.updateTable('newsletter_subscribers').set({ confirmation_sent_at: null }).where('id', '=', id).execute(),

    /** Confirms the subscriber holding this unexpired token; true when it did. */
    confirm: async (tokenHash: string, now: string) => {
      const result = await db
        .updateTable('newsletter_subscribers')
        .set({ status: 'confirmed', confirmed_at: now, unsubscribed_at: null })
        .where('token_hash', '=', tokenHash)
        .where('status', '!=', 'confirmed')
        .where('token_expires_at', '>=', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Unsubscribes and forgets the confirmation token, so an old link cannot subscribe again. */
    unsubscribe: async (id: string, now: string) => {
      await db
        .updateTable('newsletter_subscribers')
        .set({ status: 'unsubscribed', unsubscribed_at: now, token_hash: null, token_expires_at: null })
        .where('id', '=', id)
        .where('status', '!=', 'unsubscribed')
        .execute();
      // Copies not yet sent are no longer wanted.
      await db.deleteFrom('newsletter_deliveries').where('subscriber_id', '=', id).where('status', '=', 'pending').execute();
    },

    /** Adds an already confirmed subscriber; nothing happens if the address is known. */
    insertConfirmed: (row: SubscriberRow) =>
      db
        .insertInto('newsletter_subscribers')
        .values(row)
        .onConflict((oc) => oc.column('email').doNothing())
        .execute(),

    countSubscribers: async (status?: SubscriberStatus) =>
      count((await subscribers(status).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    listSubscribers: (status: SubscriberStatus | undefined, limit: number, offset: number) =>
      subscribers(status).selectAll().orderBy('email').limit(limit).offset(offset).execute(),

    insertIssue: (row: IssueRow) => db.insertInto('newsletter_issues').values(row).execute(),
    findIssue: (id: string) => db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Updates a draft; false when the issue is not (or no longer) a draft. */
    updateDraft: async (id: string, patch: Pick<IssueRow, 'subject' | 'intro' | 'item_ids' | 'updated_at'>) => {
      const result = await db
        .updateTable('newsletter_issues')
        .set(patch)
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    countIssues: async (status?: IssueStatus) => {
      let q = db.selectFrom('newsletter_issues');
      if (status) q = q.where('status', '=', status);
      return count((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    },
    listIssues: (limit: number, offset: number) =>
      db.selectFrom('newsletter_issues').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    listSentIssues: (limit: number, offset: number) =>
      db
        .selectFrom('newsletter_issues')
        .select(['id', 'subject', 'finished_at'])
        .where('status', '=', 'sent')
        .orderBy('finished_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),

    /**
     * Starts sending a draft: marks it `sending` and queues one delivery per
     * confirmed subscriber, in one transaction. False when it was not a draft
     * (a second click, or another admin was quicker).
     */
    startSending: (id: string, now: string) =>
      db.transaction().execute(async (trx) => {
        const started = await trx
          .updateTable('newsletter_issues')
          .set({ status: 'sending', started_at: now, updated_at: now })
          .where('id', '=', id)
          .where('status', '=', 'draft')
          .executeTakeFirst();
        if (Number(started.numUpdatedRows) !== 1) return false;
        await trx
          .insertInto('newsletter_deliveries')
          .columns(['issue_id', 'subscriber_id', 'status', 'attempts'])
          .expression(
            trx
              .selectFrom('newsletter_subscribers')
              .select([
                // Casts give PostgreSQL the parameters' types in a select list.
                sql<string>`cast(${id} as text)`.as('issue_id'),
                'id',
                sql<string>`cast(${'pending'} as text)`.as('status'),
                sql<number>`cast(${0} as integer)`.as('attempts'),
              ])
              .where('status', '=', 'confirmed'),
          )
          .execute();
        return true;
      }),

    /** Records an issue as already sent to every confirmed subscriber, without mailing anyone. */
    insertSentIssue: (row: IssueRow) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('newsletter_issues').values(row).execute();
        await trx
          .insertInto('newsletter_deliveries')
          .columns(['issue_id', 'subscriber_id', 'status', 'attempts', 'sent_at'])
          .expression(
            trx
              .selectFrom('newsletter_subscribers')
              .select([
                sql<string>`cast(${row.id} as text)`.as('issue_id'),
                'id',
                sql<string>`cast(${'sent'} as text)`.as('status'),
                sql<number>`cast(${1} as integer)`.as('attempts'),
                sql<string>`cast(${row.finished_at} as text)`.as('sent_at'),
              ])
              .where('status', '=', 'confirmed'),
          )
          .execute();
      }),

    deliveryCounts: async (issueId: string): Promise<DeliveryCounts> => {
      const rows = await db
        .selectFrom('newsletter_deliveries')
        .select(['status', (eb) => eb.fn.countAll().as('n')])
        .where('issue_id', '=', issueId)
        .groupBy('status')
        .execute();
      const counts: DeliveryCounts = { pending: 0, claimed: 0, sent: 0, failed: 0 };
      for (const row of rows) counts[row.status] = count(row.n);
      return counts;
    },
    listDeliveries: (issueId: string, limit: number, offset: number) =>
      db
        .selectFrom('newsletter_deliveries as d')
        .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
        .select(['s.email', 'd.status', 'd.attempts', 'd.last_error', 'd.sent_at', 'd.subscriber_id'])
        .where('d.issue_id', '=', issueId)
        .orderBy('s.email')
        .limit(limit)
        .offset(offset)
        .execute(),

    /**
     * Claims up to `limit` pending deliveries of one sending issue for this
     * batch and returns them with their recipients. The claim is one update
     * conditioned on `pending`, so two workers never claim the same row.
     */
    claimBatch: async (claimId: string, limit: number, now: string) => {
      const next = await db
        .selectFrom('newsletter_deliveries as d')
        .innerJoin('newsletter_issues as i', 'i.id', 'd.issue_id')
        .select(['d.issue_id', 'd.subscriber_id'])
        .where('d.status', '=', 'pending')
        .where('i.status', '=', 'sending')
        .orderBy('i.started_at')
        .orderBy('d.subscriber_id')
        .limit(limit)
        .execute();
      const issueId = next[0]?.issue_id;
      if (!issueId) return [];
      const ids = next.filter((row) => row.issue_id === issueId).map((row) => row.subscriber_id);
      await db
        .updateTable('newsletter_deliveries')
        .set((eb) => ({ status: 'claimed', claim_id: claimId, claimed_at: now, attempts: eb('attempts', '+', 1) }))
        .where('issue_id', '=', issueId)
        .where('subscriber_id', 'in', ids)
        .where('status', '=', 'pending')
        .execute();
      return db
        .selectFrom('newsletter_deliveries as d')
        .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
        .select(['d.issue_id', 'd.subscriber_id', 's.email', 's.locale'])
        .where('d.claim_id', '=', claimId)
        .where('d.status', '=', 'claimed')
        .execute();
    },

    /** Records the outcome of a claimed delivery; only the batch that claimed it may. */
    finishDelivery: (
      issueId: string,
      subscriberId: string,
      claimId: string,
      outcome: { status: 'sent'; sent_at: string } | { status: 'failed'; last_error: string },
    ) =>
      db
        .updateTable('newsletter_deliveries')
        .set({ ...outcome, claim_id: null })
        .where('issue_id', '=', issueId)
        .where('subscriber_id', '=', subscriberId)
        .where('claim_id', '=', claimId)
        .execute(),

    /**
     * Marks every claimed delivery as failed with the given reason; returns
     * how many. The claim id stays, so that if another instance was in fact
     * still sending one of them, its "sent" is recorded over this.
     */
    failClaimed: async (reason: string) => {
      const result = await db
        .updateTable('newsletter_deliveries')
        .set({ status: 'failed', last_error: reason })
        .where('status', '=', 'claimed')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Marks sending issues with nothing left to send as sent. */
    finishIssues: (now: string) =>
      db
        .updateTable('newsletter_issues')
        .set({ status: 'sent', finished_at: now, updated_at: now })
        .where('status', '=', 'sending')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('newsletter_deliveries as d')
                .select('d.subscriber_id')
                .whereRef('d.issue_id', '=', 'newsletter_issues.id')
                .where('d.status', 'in', ['pending', 'claimed']),
            ),
          ),
        )
        .execute(),

    /**
     * Queues an issue's failed deliveries again, for recipients still
     * subscribed, and puts the issue back to sending. Returns how many.
     */
    retryFailed: (issueId: string, now: string) =>
      db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('newsletter_deliveries')
          .set({ status: 'pending', last_error: null })
          .where('issue_id', '=', issueId)
          .where('status', '=', 'failed')
          .where('subscriber_id', 'in', (eb) =>
            eb.selectFrom('newsletter_subscribers').select('id').where('status', '=', 'confirmed'),
          )
          .executeTakeFirst();
        const queued = Number(result.numUpdatedRows);
        if (queued > 0) {
          await trx
            .updateTable('newsletter_issues')
            .set({ status: 'sending', finished_at: null, updated_at: now })
            .where('id', '=', issueId)
            .where('status', '!=', 'draft')
            .execute();
        }
        return queued;
      }),
  };
}

export type NewsletterRepository = ReturnType<typeof createNewsletterRepository>;
