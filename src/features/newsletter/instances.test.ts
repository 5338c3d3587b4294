import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { connect, type Database } from '../../db/connection';
import type { MailMessage } from '../mail/service';
import { buildTestApp } from '../../../tests/support/app';
import { manualClock, type ManualClock } from '../../../tests/support/clock';
import { createTestDatabase, TEST_DIALECT } from '../../../tests/support/database';
import { signedInClient } from '../../../tests/support/factories';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp';
import { COPY_JOB, INTERRUPTED } from './service';

const SUBSCRIBERS = 300;
/** The round of batches in which the first instance dies, partway through the list. */
const KILL_ROUND = 15;
/** Of the copies in flight when the instance dies, how many the SMTP server had already accepted. */
const ACCEPTED_BEFORE_DEATH = 2;

interface Instance {
  app: FastifyInstance;
  /** Its own connections, as another process (or the same one started again) would have. */
  database: Database;
}

async function startInstance(url: string, smtpUrl: string, clock: ManualClock): Promise<Instance> {
  const database = connect(url);
  return { app: await buildTestApp(database, { smtpUrl }, { clock: clock.now }), database };
}

/** Takes one batch of copies (one per pooled SMTP connection) and sends them. */
const batch = (instance: Instance) => instance.app.services.jobs.runDue({ kinds: [COPY_JOB] });

/**
 * Lets an instance die at a fixed point of sending. Once `dieFromNow` is
 * called, every copy the instance hands to its mail service stops there and
 * is kept, its delivery row already claimed; the test then hands some of them
 * to SMTP for real and kills the instance, so that it records nothing more.
 */
function mortal(instance: Instance) {
  const { mail } = instance.app.services;
  const send = mail.send;
  const stopped: MailMessage[] = [];
  let dying = false;
  let onStop = () => {};
  mail.send = async (message) => {
    if (!dying) return send(message);
    stopped.push(message);
    onStop();
    return new Promise<never>(() => {});
  };
  return {
    stopped,
    /** The real hand-over to SMTP; it resolves once the server has accepted the message. */
    send,
    dieFromNow: () => void (dying = true),
    /** Resolves once at least `count` copies have stopped at the hand-over. */
    stoppedAtLeast: (count: number) =>
      new Promise<void>((resolve) => {
        onStop = () => {
          if (stopped.length >= count) resolve();
        };
        onStop();
      }),
  };
}

/** How many copies of the issue each address received, by the SMTP server's envelope. */
function receivedBy(smtp: TestSmtp, subject: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of smtp.messages) if (mail.subject === subject) for (const to of mail.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

const address = (i: number) => `reader-${String(i).padStart(3, '0')}@example.org`;

/**
 * Sends an issue to 300 subscribers while the first of two instances dies
 * mid-send, and checks what every subscriber received on a real SMTP server.
 *
 * With `together`, both instances send side by side on one database, each on
 * its own pool, a batch each per round (several instances on PostgreSQL);
 * otherwise the second opens the database only once the first is dead (the
 * process started again, as on SQLite). The first dies in a fixed round with
 * its whole batch in flight, each copy claimed in its delivery row: two of
 * them the SMTP server has accepted, the others never reached it. That is
 * the worst point to die, after the hand-over and before "sent" is recorded;
 * a death before a copy is claimed leaves it pending and the survivor simply
 * sends it, and one after "sent" is recorded makes the survivor's run skip it.
 */
async function sendWithOneKilled(smtp: TestSmtp, together: boolean, subject: string) {
  const testDatabase = await createTestDatabase({ shared: true });
  const clock = manualClock();
  const open = new Set<Instance>();
  const start = async () => {
    const instance = await startInstance(testDatabase.serverUrl, smtp.url, clock);
    open.add(instance);
    return instance;
  };
  const close = async (instance: Instance) => {
    open.delete(instance);
    await instance.app.close();
    await instance.database.close();
  };
  try {
    const first = await start();
    let second = together ? await start() : undefined;
    for (let i = 0; i < SUBSCRIBERS; i++) await first.app.services.newsletter.addConfirmedSubscriber(address(i));
    const issueId = await first.app.services.newsletter.createIssue({ subject, intro: 'For everyone.', itemIds: [] }, null);
    const admin = (await signedInClient(first.app, { role: 'admin' })).client;
    assert.equal((await admin.post(`/newsletter/issues/${issueId}/send`)).statusCode, 303);

    for (let round = 1; round < KILL_ROUND; round++) await Promise.all([batch(first), second && batch(second)]);
    const death = mortal(first);
    death.dieFromNow();
    const lastRound = batch(first);
    const alongside = second && batch(second);
    await death.stoppedAtLeast(1);
    // The batch was claimed in one transaction before its first copy started.
    const held = await testDatabase.database.db
      .selectFrom('jobs')
      .select(['idempotency_key', 'lease_expires_at'])
      .where('status', '=', 'running')
      .where('lease_owner', '=', first.app.services.jobs.owner)
      .execute();
    assert.ok(held.length > ACCEPTED_BEFORE_DEATH, `${held.length} copies in flight`);
    await death.stoppedAtLeast(held.length);
    const inFlight = death.stopped.map((message) => message.to).sort();
    const accepted = inFlight.slice(0, ACCEPTED_BEFORE_DEATH);
    for (const message of death.stopped.filter((m) => accepted.includes(m.to))) await death.send(message);
    first.app.services.jobs.kill();
    assert.deepEqual(await lastRound, []);
    await alongside;
    // The dead process's connections end; its leases and claims stay in the database.
    await close(first);

    second ??= await start();
    const { jobs, newsletter } = second.app.services;
    if (!together) {
      // A process started again recovers first; the dead one's copies are still under its leases, so they are left alone.
      await jobs.start();
      await jobs.stop();
    }
    await jobs.drain({ kinds: [COPY_JOB] });
    assert.deepEqual((await newsletter.getIssue(issueId))?.counts, { pending: 0, claimed: held.length, sent: SUBSCRIBERS - held.length, failed: 0 });
    let received = receivedBy(smtp, subject);
    assert.equal(received.size, SUBSCRIBERS - held.length + ACCEPTED_BEFORE_DEATH);
    assert.deepEqual([...received.values()].filter((copies) => copies !== 1), []);

    const expiry = Date.parse(held[0]!.lease_expires_at!);
    assert.ok(held.every((job) => job.lease_expires_at === held[0]!.lease_expires_at));
    clock.advance(expiry - clock.now() - 1);
    assert.deepEqual(await batch(second), [], 'the dead instance keeps its copies until its leases expire');
    clock.advance(1);
    const takenOver = await batch(second);
    assert.deepEqual(takenOver.map((outcome) => outcome.result), held.map(() => 'interrupted'));

    // Nobody received the issue twice. Everyone received it once except the
    // copies in flight when the instance died: the survivor cannot tell which
    // of those SMTP accepted, so it sends none of them again and flags them all.
    const issue = await newsletter.getIssue(issueId);
    assert.equal(issue?.status, 'sent');
    assert.deepEqual(issue?.counts, { pending: 0, claimed: 0, sent: SUBSCRIBERS - held.length, failed: held.length });
    const flagged = await testDatabase.database.db
      .selectFrom('newsletter_deliveries as d')
      .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
      .select('s.email')
      .where('d.issue_id', '=', issueId)
      .where('d.last_error', '=', INTERRUPTED)
      .orderBy('s.email')
      .execute();
    assert.deepEqual(flagged.map((row) => row.email), inFlight);
    received = receivedBy(smtp, subject);
    assert.deepEqual([...received.values()].filter((copies) => copies !== 1), []);
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const expected = inFlight.includes(address(i)) && !accepted.includes(address(i)) ? 0 : 1;
      assert.equal(received.get(address(i)) ?? 0, expected, address(i));
    }

    // An admin who retries the flagged copies reaches those that never left,
    // and sends a second copy to those SMTP had accepted: the one way this
    // design delivers a duplicate, bounded by the copies in flight at the death.
    const survivorAdmin = (await signedInClient(second.app, { role: 'admin' })).client;
    assert.equal((await survivorAdmin.post(`/newsletter/issues/${issueId}/retry`)).statusCode, 303);
    await jobs.drain({ kinds: [COPY_JOB] });
    assert.deepEqual((await newsletter.getIssue(issueId))?.counts, { pending: 0, claimed: 0, sent: SUBSCRIBERS, failed: 0 });
    received = receivedBy(smtp, subject);
    assert.equal(received.size, SUBSCRIBERS);
    const twice = [...received].filter(([, copies]) => copies > 1);
    assert.deepEqual(twice.map(([to, copies]) => `${to}:${copies}`).sort(), accepted.map((to) => `${to}:2`));
    assert.ok(twice.length <= held.length);
    await close(second);
  } finally {
    // After a failure, whatever still runs is abandoned rather than waited for.
    for (const instance of open) {
      instance.app.services.jobs.kill();
      await close(instance);
    }
    await testDatabase.destroy();
  }
}

describe('a newsletter sent while an instance is killed', () => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startTestSmtp();
  });
  after(() => smtp.close());

  it(
    'is finished by the other instance once the leases expire, with at most one copy to anyone',
    { skip: TEST_DIALECT !== 'postgres' && 'several instances share one database only on PostgreSQL; the restart below runs on SQLite' },
    async () => {
      await sendWithOneKilled(smtp, true, 'Two instances');
    },
  );

  it('is finished by the process started again once the leases expire, with at most one copy to anyone', async () => {
    await sendWithOneKilled(smtp, false, 'One instance restarted');
  });
});
