import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../../db/types';
import type { SubscriberStatus } from '../../db/tables/newsletter';
import { hashToken, newId, newToken, nowIso } from '../../db/ids';
import { cookieSecret } from '../../db/settings';
import type { Config } from '../../server/config';
import type { MailService } from '../mail/service';
import type { JobContext, JobsService } from '../jobs/service';
import { translator, type Locale } from '../../i18n';
import type { Actor } from '../../policy';
import { createNewsletterRepository, type DeliveryCounts, type IssueRow, type SubscriberRow } from './repository';
import { composeIssueEmail } from './email';
import type { IssueContent, IssueItem } from './views/issue-content';
import { href } from '../../server/route-contract';
import { newsletterRoutes } from './route-table';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How long a confirmation link works. */
const CONFIRMATION_LIFETIME_MS = 7 * DAY;
/** A double click or an impatient resubmit sends no second confirmation within this time. */
const CONFIRMATION_RESEND_MS = 5 * MINUTE;
const PAGE_SIZE = 25;
/** Copies `processBatch` sends unless told otherwise. */
const BATCH_SIZE = 20;
/** The job that sends one copy of an issue to one subscriber. */
export const COPY_JOB = 'newsletter.copy';
/** Copies one worker hands to SMTP at once, one per connection of the pooled transport (decision record 020). */
const COPY_CONCURRENCY = 5;
/** How many items an admin chooses from when composing. */
export const RECENT_ITEM_CHOICES = 30;
export const INTERRUPTED = 'interrupted — may or may not have been delivered';

/** What the newsletter needs from the content feature (see the content contract). */
export interface NewsletterContentSource {
  recent(limit: number): Promise<IssueItem[]>;
  getPublishedByIds(ids: string[]): Promise<IssueItem[]>;
}

export interface NewsletterDeps {
  db: Kysely<DB>;
  config: Config;
  mail: MailService;
  content: NewsletterContentSource;
  jobs: JobsService;
  logger: FastifyBaseLogger;
}

/** What the job of one copy carries. */
interface CopyPayload {
  issueId: string;
  subscriberId: string;
}

/** What became of one copy's job run. */
type CopyOutcome = 'sent' | 'failed' | 'interrupted' | 'skipped';

export type ConfirmResult = { ok: true } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** The fields an admin writes when composing an issue. */
export interface IssueInput {
  subject: string;
  intro: string;
  itemIds: string[];
}

/** An issue as admins see it, with its delivery counts. */
export interface IssueSummary {
  id: string;
  subject: string;
  intro: string;
  itemIds: string[];
  status: IssueRow['status'];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: DeliveryCounts;
}

export class NotADraftError extends Error {}

const parseIds = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

/** The error text kept for a failed delivery: enough to diagnose, never a whole SMTP transcript. */
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** One copy's idempotency key in the job queue: the same copy is never queued twice. */
const copyKey = (issueId: string, subscriberId: string) => `newsletter:${issueId}:${subscriberId}`;
const copyJob = (issueId: string, subscriberId: string) => ({
  kind: COPY_JOB,
  payload: { issueId, subscriberId } satisfies CopyPayload,
  key: copyKey(issueId, subscriberId),
});

/**
 * The newsletter: double opt-in subscriptions, one-click unsubscribe, and
 * issues sent in the background.
 *
 * Each copy is one job in the queue (`newsletter.copy`, keyed by issue and
 * subscriber). Sending is exactly-once-or-flagged: the job run claims the
 * copy in the database before it goes to SMTP and marks it sent right after.
 * A job can run twice (its worker died and the lease expired); a second run
 * that finds the copy sent does nothing, and one that finds it claimed by the
 * earlier run marks it failed as "interrupted" rather than sending it again,
 * so nobody gets an issue twice.
 */
export function createNewsletterService({ db, config, mail, content, jobs, logger }: NewsletterDeps) {
  const repo = createNewsletterRepository(db);
  let secret: Promise<string> | undefined;

  /** The unsubscribe token of a subscriber: their id and an HMAC of it, so nothing more is stored. */
  async function unsubscribeToken(subscriberId: string): Promise<string> {
    secret ??= cookieSecret(db);
    const mac = createHmac('sha256', await secret).update(`newsletter-unsubscribe:${subscriberId}`).digest('base64url');
    return `${subscriberId}.${mac}`;
  }

  const unsubscribeUrl = async (subscriberId: string) =>
    `${config.publicUrl}${href(newsletterRoutes.unsubscribe, { token: await unsubscribeToken(subscriberId) })}`;

  async function subscriberOfToken(token: string): Promise<SubscriberRow | undefined> {
    const id = token.split('.')[0] ?? '';
    const expected = Buffer.from(await unsubscribeToken(id));
    const given = Buffer.from(token);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    return repo.findSubscriberById(id);
  }

  async function sendConfirmation(email: string, locale: Locale, token: string) {
    const t = translator(locale);
    await mail.send({
      to: email,
      subject: t('newsletter.confirmMail.subject'),
      text: t('newsletter.confirmMail.body', { link: `${config.publicUrl}${href(newsletterRoutes.confirm, { token })}` }),
    });
  }

  /** Subject, introduction and the chosen items that are still published, in the chosen order. */
  async function contentOf(issue: IssueRow): Promise<IssueContent> {
    const ids = parseIds(issue.item_ids);
    const found = ids.length ? await content.getPublishedByIds(ids) : [];
    const byId = new Map(found.map((item) => [item.id, item]));
    const items = ids.flatMap((id) => {
      const item = byId.get(id);
      return item ? [{ id: item.id, title: item.title, summary: item.summary, path: item.path }] : [];
    });
    return { subject: issue.subject, intro: issue.intro, items };
  }

  async function summaryOf(issue: IssueRow): Promise<IssueSummary> {
    return {
      id: issue.id,
      subject: issue.subject,
      intro: issue.intro,
      itemIds: parseIds(issue.item_ids),
      status: issue.status,
      createdAt: issue.created_at,
      startedAt: issue.started_at,
      finishedAt: issue.finished_at,
      counts: await repo.deliveryCounts(issue.id),
    };
  }

  /** Keeps only ids that are among the published items, in the order given, without repeats. */
  async function publishedIds(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const known = new Set((await content.getPublishedByIds(unique)).map((item) => item.id));
    return unique.filter((id) => known.has(id));
  }

  /** A new issue's row in a given state; only published items are kept. */
  async function issueRow(
    input: IssueInput,
    state: { status: IssueRow['status']; createdBy: string | null; createdAt: string; startedAt: string | null; finishedAt: string | null },
  ): Promise<IssueRow> {
    return {
      id: newId(),
      subject: input.subject,
      intro: input.intro,
      item_ids: JSON.stringify(await publishedIds(input.itemIds)),
      status: state.status,
      created_by: state.createdBy,
      created_at: state.createdAt,
      updated_at: nowIso(),
      started_at: state.startedAt,
      finished_at: state.finishedAt,
    };
  }

  async function checkConfirmation(token: string): Promise<ConfirmResult> {
    const subscriber = await repo.findSubscriberByToken(hashToken(token));
    if (!subscriber) return { ok: false, reason: 'invalid' };
    if (subscriber.status === 'confirmed') return { ok: false, reason: 'used' };
    if ((subscriber.token_expires_at ?? '') < nowIso()) return { ok: false, reason: 'expired' };
    return { ok: true };
  }

  /**
   * Marks copies left claimed by a run that stopped mid-send as failed;
   * returns how many. A copy whose job another worker is still running
   * (under a lease that has not expired) is left to that worker.
   */
  async function recoverInterrupted(): Promise<number> {
    const claimed = await repo.listClaimed();
    const running = await jobs.leasedKeys(claimed.map((row) => copyKey(row.issue_id, row.subscriber_id)));
    let count = 0;
    for (const row of claimed) {
      if (running.has(copyKey(row.issue_id, row.subscriber_id))) continue;
      if (await repo.failClaimed(row.issue_id, row.subscriber_id, row.claim_id, INTERRUPTED)) count++;
    }
    if (count > 0) {
      logger.warn({ count }, 'newsletter copies were interrupted mid-send and are marked failed');
      await repo.finishIssues(nowIso());
    }
    return count;
  }

  /** Queues the jobs of pending copies that have none (copies queued before the job queue existed). */
  async function queueMissing(): Promise<number> {
    const pending = await repo.listPendingOfSending();
    return jobs.enqueue(pending.map((row) => copyJob(row.issue_id, row.subscriber_id)));
  }

  /**
   * The job of one copy. Safe to run more than once: only a pending copy is
   * sent, and everything that can fail before SMTP (reading the issue and
   * its items) happens before the copy is claimed.
   */
  async function sendCopy({ issueId, subscriberId }: CopyPayload, { claim, signal }: JobContext): Promise<CopyOutcome> {
    const [issue, delivery] = await Promise.all([repo.findIssue(issueId), repo.findDelivery(issueId, subscriberId)]);
    if (!issue || !delivery) return 'skipped';
    if (delivery.status === 'claimed' && delivery.claim_id !== claim) {
      // An earlier run claimed it and stopped before recording what SMTP said.
      const flagged = await repo.failClaimed(issueId, subscriberId, delivery.claim_id, INTERRUPTED);
      await repo.finishIssues(nowIso(), issueId);
      return flagged ? 'interrupted' : 'skipped';
    }
    if (delivery.status !== 'pending' || issue.status !== 'sending') return 'skipped';
    const issueContent = await contentOf(issue);
    const unsubscribe = await unsubscribeUrl(subscriberId);
    const email = composeIssueEmail({ content: issueContent, locale: delivery.locale, publicUrl: config.publicUrl, unsubscribeUrl: unsubscribe });
    // A worker that is stopping takes nothing new on; the job's next run will.
    signal.throwIfAborted();
    if (!(await repo.claimCopy(issueId, subscriberId, claim, nowIso()))) return 'skipped';
    try {
      await mail.send({
        to: delivery.email,
        ...email,
        headers: {
          // RFC 8058: mail clients offer one-click unsubscribe by POSTing to this address.
          'List-Unsubscribe': `<${unsubscribe}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
    } catch (error) {
      // The copy is flagged for the admin, who may retry it; the queue does not
      // retry on its own, as a refused copy may still have been delivered.
      await repo.finishDelivery(issueId, subscriberId, claim, { status: 'failed', last_error: errorText(error) });
      await repo.finishIssues(nowIso(), issueId);
      return 'failed';
    }
    // SMTP has the copy. Should recording that fail, the job fails and its next
    // run flags the copy as interrupted: never as refused, which an admin would
    // retry without a second thought, and never sent again on its own.
    await repo.finishDelivery(issueId, subscriberId, claim, { status: 'sent', sent_at: nowIso() });
    await repo.finishIssues(nowIso(), issueId);
    return 'sent';
  }

  jobs.register<CopyPayload, CopyOutcome>({
    kind: COPY_JOB,
    handler: sendCopy,
    concurrency: COPY_CONCURRENCY,
    async onStart() {
      await recoverInterrupted();
      await queueMissing();
    },
  });

  /**
   * Sends up to `limit` queued copies now, through the job queue, and says
   * how many were handed to SMTP and how many failed (interrupted copies
   * count as failed). What tests and the command line call instead of
   * waiting for the worker.
   */
  async function processBatch(limit = BATCH_SIZE): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (;;) {
      const outcomes = await jobs.runDue({ kinds: [COPY_JOB], limit: limit - sent - failed });
      for (const { result } of outcomes) {
        if (result === 'sent') sent++;
        else if (result === 'failed' || result === 'interrupted') failed++;
      }
      // Copies already dealt with (a second run, an unsubscribed reader) do not count towards the batch.
      if (outcomes.length === 0 || sent + failed >= limit) return { sent, failed };
    }
  }

  return {
    /**
     * Starts a subscription, or renews the confirmation of one not yet
     * confirmed, and emails a confirmation link valid for seven days. Says
     * nothing about whether the address was known; a confirmed address is
     * left alone, and at most one confirmation goes out every few minutes.
     */
    async subscribe(email: string, locale: Locale): Promise<void> {
      const address = email.trim().toLowerCase();
      const token = newToken();
      const now = Date.now();
      const patch = {
        token_hash: hashToken(token),
        token_expires_at: new Date(now + CONFIRMATION_LIFETIME_MS).toISOString(),
        confirmation_sent_at: new Date(now).toISOString(),
        locale,
      };
      const id = newId();
      const inserted = await repo.insertSubscriber({
        id,
        email: address,
        status: 'pending',
        ...patch,
        created_at: new Date(now).toISOString(),
        confirmed_at: null,
        unsubscribed_at: null,
      });
      let subscriberId = id;
      if (!inserted) {
        const existing = await repo.findSubscriberByEmail(address);
        if (!existing || existing.status === 'confirmed') return;
        const cutoff = new Date(now - CONFIRMATION_RESEND_MS).toISOString();
        if (!(await repo.renewToken(existing.id, patch, cutoff))) return;
        subscriberId = existing.id;
      }
      try {
        await sendConfirmation(address, locale, token);
      } catch (error) {
        // Let the person try again at once rather than wait for a mail that never left.
        await repo.clearConfirmationSent(subscriberId);
        throw error;
      }
    },

    /** Whether a confirmation link can be used, without using it (for the page that asks to confirm). */
    checkConfirmation,

    /** Confirms the subscription a link belongs to. Works once, within seven days. */
    async confirm(token: string): Promise<ConfirmResult> {
      const check = await checkConfirmation(token);
      if (!check.ok) return check;
      return (await repo.confirm(hashToken(token), nowIso())) ? { ok: true } : { ok: false, reason: 'used' };
    },

    /** The subscriber an unsubscribe token belongs to, or undefined if the token is not genuine. */
    async findByUnsubscribeToken(token: string): Promise<Pick<SubscriberRow, 'email' | 'status'> | undefined> {
      const subscriber = await subscriberOfToken(token);
      return subscriber && { email: subscriber.email, status: subscriber.status };
    },

    /** Unsubscribes the owner of a token; repeating it changes nothing. False if the token is not genuine. */
    async unsubscribe(token: string): Promise<boolean> {
      const subscriber = await subscriberOfToken(token);
      if (!subscriber) return false;
      await repo.unsubscribe(subscriber.id, nowIso());
      return true;
    },

    unsubscribeUrl,

    /**
     * Adds an address as already confirmed, for demo data and for lists that
     * opted in elsewhere. Known addresses are left as they are.
     */
    async addConfirmedSubscriber(email: string, locale: Locale = 'en'): Promise<void> {
      const now = nowIso();
      await repo.insertConfirmed({
        id: newId(),
        email: email.trim().toLowerCase(),
        status: 'confirmed',
        locale,
        token_hash: null,
        token_expires_at: null,
        confirmation_sent_at: null,
        created_at: now,
        confirmed_at: now,
        unsubscribed_at: null,
      });
    },

    /** A page of subscribers by email, optionally of one status. */
    async listSubscribers(status: SubscriberStatus | undefined, page: number) {
      const total = await repo.countSubscribers(status);
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const current = Math.min(page, pages);
      const items = await repo.listSubscribers(status, PAGE_SIZE, (current - 1) * PAGE_SIZE);
      return { items, page: current, pages, total };
    },

    /** Every subscriber of a status (or all), for the CSV export, read page by page. */
    async *allSubscribers(status: SubscriberStatus | undefined): AsyncGenerator<SubscriberRow> {
      for (let offset = 0; ; offset += 500) {
        const rows = await repo.listSubscribers(status, 500, offset);
        yield* rows;
        if (rows.length < 500) return;
      }
    },

    /** How many people would receive an issue sent now. */
    confirmedCount: () => repo.countSubscribers('confirmed'),

    /** The items an admin may choose from: the most recently added. */
    recentItems: () => content.recent(RECENT_ITEM_CHOICES),

    /** Creates a draft issue; item ids that are not published items are dropped. */
    async createIssue(input: IssueInput, actor: Pick<Actor, 'id'> | null): Promise<string> {
      const now = nowIso();
      const row = await issueRow(input, { status: 'draft', createdBy: actor?.id ?? null, createdAt: now, startedAt: null, finishedAt: null });
      await repo.insertIssue(row);
      return row.id;
    },

    /** Saves changes to a draft. Throws NotADraftError once sending has started. */
    async updateIssue(id: string, input: IssueInput): Promise<void> {
      const saved = await repo.updateDraft(id, {
        subject: input.subject,
        intro: input.intro,
        item_ids: JSON.stringify(await publishedIds(input.itemIds)),
        updated_at: nowIso(),
      });
      if (!saved) throw new NotADraftError(id);
    },

    /** An issue with its delivery counts, or undefined. */
    async getIssue(id: string): Promise<IssueSummary | undefined> {
      const issue = await repo.findIssue(id);
      return issue && summaryOf(issue);
    },

    /** What an issue says, for the preview; undefined if there is no such issue. */
    async issueContent(id: string): Promise<IssueContent | undefined> {
      const issue = await repo.findIssue(id);
      return issue && contentOf(issue);
    },

    /** A sent issue's content for the public archive; undefined unless it was sent. */
    async archivedIssue(id: string): Promise<(IssueContent & { finishedAt: string }) | undefined> {
      const issue = await repo.findIssue(id);
      if (!issue || issue.status !== 'sent' || !issue.finished_at) return undefined;
      return { ...(await contentOf(issue)), finishedAt: issue.finished_at };
    },

    /** A page of issues for admins, newest first, with counts. */
    async listIssues(page: number) {
      const total = await repo.countIssues();
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const current = Math.min(page, pages);
      const rows = await repo.listIssues(PAGE_SIZE, (current - 1) * PAGE_SIZE);
      return { items: await Promise.all(rows.map(summaryOf)), page: current, pages, total };
    },

    /** A page of sent issues for the public archive, newest first. */
    async listSentIssues(page: number) {
      const total = await repo.countIssues('sent');
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const current = Math.min(page, pages);
      const items = await repo.listSentIssues(PAGE_SIZE, (current - 1) * PAGE_SIZE);
      return { items, page: current, pages, total };
    },

    /** Every sent issue (id and date), for the sitemap. */
    allSentIssues: () => repo.listSentIssues(100_000, 0),

    /** A page of an issue's recipients with the state of their copy. */
    async listDeliveries(issueId: string, page: number) {
      const counts = await repo.deliveryCounts(issueId);
      const total = counts.pending + counts.claimed + counts.sent + counts.failed;
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const current = Math.min(page, pages);
      const items = await repo.listDeliveries(issueId, PAGE_SIZE, (current - 1) * PAGE_SIZE);
      return { items, page: current, pages, total };
    },

    /** Emails a copy of an issue to one address (the admin's own), marked as a test. */
    async sendTest(id: string, to: string, locale: Locale): Promise<boolean> {
      const issue = await repo.findIssue(id);
      if (!issue) return false;
      const email = composeIssueEmail({ content: await contentOf(issue), locale, publicUrl: config.publicUrl, unsubscribeUrl: undefined });
      await mail.send({ to, ...email, subject: `${translator(locale)('newsletter.test.prefix')} ${email.subject}` });
      return true;
    },

    /**
     * Queues a draft for every confirmed subscriber; the worker sends it.
     * False when it was no longer a draft (a double click changes nothing).
     */
    startSending: (id: string) =>
      repo.startSending(id, nowIso(), (trx, subscriberIds) => jobs.enqueue(subscriberIds.map((subscriber) => copyJob(id, subscriber)), trx)),

    /** Queues an issue's failed copies again; returns how many. */
    retryFailed: (id: string) =>
      repo.retryFailed(id, nowIso(), (trx, subscriberIds) => jobs.requeue(subscriberIds.map((subscriber) => copyJob(id, subscriber)), trx)),

    /**
     * Records an issue as sent to every confirmed subscriber without mailing
     * anyone: for demo data, or an issue already sent by another system.
     */
    async recordSentIssue(input: IssueInput & { sentAt?: string }): Promise<string> {
      const sentAt = input.sentAt ?? nowIso();
      const row = await issueRow(input, { status: 'sent', createdBy: null, createdAt: sentAt, startedAt: sentAt, finishedAt: sentAt });
      await repo.insertSentIssue(row);
      return row.id;
    },

    processBatch,
    recoverInterrupted,
  };
}

export type NewsletterService = ReturnType<typeof createNewsletterService>;
