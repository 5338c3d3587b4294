// `tsx bench/newsletter.ts`: how many newsletter copies a second the sender
// hands to a local SMTP server, as decision record 020 promises. It sends one
// issue to 300 subscribers through the real services and the test SMTP
// server, on SQLite, and prints copies a second. A local server answers at
// once, so this measures the sender itself (connections, queries), not a
// provider's latency.
import { createTestApp } from '../tests/support/app';
import { startTestSmtp } from '../tests/support/smtp';

const SUBSCRIBERS = 300;

async function main() {
  const smtp = await startTestSmtp();
  const t = await createTestApp({ smtpUrl: smtp.url });
  try {
    const { newsletter } = t.app.services;
    for (let i = 0; i < SUBSCRIBERS; i++) await newsletter.addConfirmedSubscriber(`bench-${i}@example.org`);
    const issue = await newsletter.createIssue({ subject: 'Bench', intro: 'Hello.', itemIds: [] }, null);
    await newsletter.startSending(issue);
    const started = performance.now();
    for (;;) {
      const { sent, failed } = await newsletter.processBatch();
      if (sent + failed === 0) break;
    }
    await smtp.waitFor(() => smtp.messages.length >= SUBSCRIBERS, 120_000);
    const seconds = (performance.now() - started) / 1000;
    console.log(`${SUBSCRIBERS} copies in ${seconds.toFixed(1)} s: ${(SUBSCRIBERS / seconds).toFixed(1)} copies a second`);
  } finally {
    await t.close();
    await smtp.close();
  }
}

await main();
