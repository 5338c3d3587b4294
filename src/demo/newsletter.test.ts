import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { TestClient } from '../../tests/support/client';
import { seedDemoNewsletter } from './newsletter';

describe('demo newsletter', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('adds confirmed subscribers and one sent issue without mailing anyone', async () => {
    await seedDemoNewsletter(t.app.services);
    const { newsletter, mail } = t.app.services;
    assert.equal(await newsletter.confirmedCount(), 6);
    const { items } = await newsletter.listSentIssues(1);
    assert.equal(items.length, 1);
    const issue = await newsletter.getIssue(items[0]!.id);
    assert.deepEqual(issue?.counts, { pending: 0, claimed: 0, sent: 6, failed: 0 });
    assert.equal((await mail.listOutbox(1)).total, 0);
    const page = await new TestClient(t.app).get(`/newsletter/archive/${items[0]!.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /listening to our communities/);
  });
});
