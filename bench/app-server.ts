// Smart Spaces as the benchmarks run it: the real server on the database named
// by DATABASE_URL, without request logs, and with a rate limit high enough
// that the load generator measures pages rather than 429 answers.
import { loadConfig } from '../src/server/config';
import { startServer } from '../src/server/main';

const server = await startServer(loadConfig(), {
  logger: false,
  rateLimitPerMinute: 1_000_000_000,
  print: () => {},
});
process.stdout.write(`READY ${server.url}\n`);
