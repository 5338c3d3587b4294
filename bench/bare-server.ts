// The baseline: a bare Node `http` server answering a fixed string. Pages are
// measured as a fraction of what this manages on the same machine, same run.
import { createServer } from 'node:http';

const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('Hello from a bare Node server\n');
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`READY http://127.0.0.1:${port}\n`);
});

process.once('SIGTERM', () => server.close(() => process.exit(0)));
