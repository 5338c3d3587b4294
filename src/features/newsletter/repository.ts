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
     * Starts sending a draft: marks it `sending`, adds one delivery per
     * confirmed subscriber and lets `queue` add their jobs, in one
     * transaction. False when it was not a draft (a second click, or another
     * admin was quicker).
     */
    startSending: (id: string, now: string, queue: (trx: Kysely<DB>, subscriberIds: string[]) => Promise<unknown>) =>
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
        const queued = await trx
          .selectFrom('newsletter_deliveries')
          .select('subscriber_id')
          .where('issue_id', '=', id)
          .orderBy('subscriber_id')
          .execute();
        await queue(trx, queued.map((row) => row.subscriber_id));
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

    /** One copy with its recipient, or undefined when it is gone (unsubscribed, or the issue deleted). */
    findDelivery: (issueId: string, subscriberId: string) =>
      db
        .selectFrom('newsletter_deliveries as d')
        .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
        .select(['d.issue_id', 'd.subscriber_id', 'd.status', 'd.claim_id', 's.email', 's.locale'])
        .where('d.issue_id', '=', issueId)
        .where('d.subscriber_id', '=', subscriberId)
        .executeTakeFirst(),

    /**
     * Claims a pending copy of a sending issue for one run of its job, just
     * before it goes to SMTP. Conditioned on `pending`, so of two runs only
     * one claims it; true when this one did.
     */
    claimCopy: async (issueId: string, subscriberId: string, claimId: string, now: string) => {
      const result = await db
        .updateTable('newsletter_deliveries')
        .set((eb) => ({ status: 'claimed', claim_id: claimId, claimed_at: now, attempts: eb('attempts', '+', 1) }))
        .where('issue_id', '=', issueId)
        .where('subscriber_id', '=', subscriberId)
        .where('status', '=', 'pending')
        .where('issue_id', 'in', (eb) => eb.selectFrom('newsletter_issues').select('id').where('status', '=', 'sending'))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Records the outcome of a claimed delivery; only the run that claimed it may. */
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

    /** Every copy claimed and not yet recorded, with the run that claimed it. */
    listClaimed: () =>
      db
        .selectFrom('newsletter_deliveries')
        .select(['issue_id', 'subscriber_id', 'claim_id'])
        .where('status', '=', 'claimed')
        .orderBy('issue_id')
        .orderBy('subscriber_id')
        .execute(),

    /**
     * Marks a copy still claimed by the given run as failed with the given
     * reason; true when it did. The claim id stays, so that if that run was
     * in fact still sending, its "sent" is recorded over this.
     */
    failClaimed: async (issueId: string, subscriberId: string, claimId: string | null, reason: string) => {
      const result = await db
        .updateTable('newsletter_deliveries')
        .set({ status: 'failed', last_error: reason })
        .where('issue_id', '=', issueId)
        .where('subscriber_id', '=', subscriberId)
        .where('status', '=', 'claimed')
        .where((eb) => (claimId === null ? eb('claim_id', 'is', null) : eb('claim_id', '=', claimId)))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Pending copies of issues being sent, to queue their jobs again where missing. */
    listPendingOfSending: () =>
      db
        .selectFrom('newsletter_deliveries as d')
        .innerJoin('newsletter_issues as i', 'i.id', 'd.issue_id')
        .select(['d.issue_id', 'd.subscriber_id'])
        .where('d.status', '=', 'pending')
        .where('i.status', '=', 'sending')
        .orderBy('d.issue_id')
        .orderBy('d.subscriber_id')
        .execute(),

    /** Marks sending issues (or the one given) with nothing left to send as sent. */
    finishIssues: (now: string, issueId?: string) =>
      db
        .updateTable('newsletter_issues')
        .set({ status: 'sent', finished_at: now, updated_at: now })
        .where('status', '=', 'sending')
        .$if(issueId !== undefined, (q) => q.where('id', '=', issueId!))
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
     * subscribed, puts the issue back to sending and lets `queue` queue their
     * jobs again, in one transaction. Returns how many.
     */
    retryFailed: (issueId: string, now: string, queue: (trx: Kysely<DB>, subscriberIds: string[]) => Promise<unknown>) =>
      db.transaction().execute(async (trx) => {
        const failed = await trx
          .selectFrom('newsletter_deliveries')
          .select('subscriber_id')
          .where('issue_id', '=', issueId)
          .where('status', '=', 'failed')
          .where('subscriber_id', 'in', (eb) =>
            eb.selectFrom('newsletter_subscribers').select('id').where('status', '=', 'confirmed'),
          )
          .orderBy('subscriber_id')
          .execute();
        const ids = failed.map((row) => row.subscriber_id);
        if (ids.length === 0) return 0;
        for (let i = 0; i < ids.length; i += 500) {
          await trx
            .updateTable('newsletter_deliveries')
            .set({ status: 'pending', last_error: null })
            .where('issue_id', '=', issueId)
            .where('status', '=', 'failed')
            .where('subscriber_id', 'in', ids.slice(i, i + 500))
            .execute();
        }
        await trx
          .updateTable('newsletter_issues')
          .set({ status: 'sending', finished_at: null, updated_at: now })
          .where('id', '=', issueId)
          .where('status', '!=', 'draft')
          .execute();
        await queue(trx, ids);
        return ids.length;
      }),
  };
}

export type NewsletterRepository = ReturnType<typeof createNewsletterRepository>;
