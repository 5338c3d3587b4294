import type { FastifyReply } from 'fastify';
import { csvStream, type CsvRows } from '../ui/csv';

/**
 * Sends rows as a CSV download named `filename`, streamed (see `csvStream`).
 * Exports hold personal data, so they are never cached.
 */
export function sendCsv(reply: FastifyReply, filename: string, rows: CsvRows): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'private, no-store')
    .send(csvStream(rows));
}
