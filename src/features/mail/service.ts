import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../../db/types';
import type { Config } from '../../server/config';
import { newId, nowIso } from '../../db/ids';
import { createMailRepository } from './repository';
import { paginate } from '../../db/pagination';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * Extra headers for SMTP, such as `List-Unsubscribe`. The outbox does not
   * keep them: it is for reading a message, not for replaying it.
   */
  headers?: Record<string, string>;
  /** Where replies go, e.g. the visitor who wrote through the contact form. */
  replyTo?: string;
}

const PAGE_SIZE = 25;

/**
 * SMTP connections kept open and reused: opening one per message held the
 * newsletter to about 8 copies a second (decision record 020). Each
 * connection is replaced after `maxMessages`, as providers end long sessions.
 */
const POOL = { pool: true, maxConnections: 5, maxMessages: 100 } as const;

/**
 * Sends mail through SMTP when `SMTP_URL` is set. Without it, messages are
 * kept in the outbox for admins to read, so an instance without mail still
 * works: an admin can copy an invitation link from there.
 */
export function createMailService({ db, config, logger }: { db: Kysely<DB>; config: Config; logger: FastifyBaseLogger }) {
  const repo = createMailRepository(db);
  // Options in SMTP_URL's query (e.g. ?pool=false) take precedence over these.
  const transport: Transporter | undefined = config.smtpUrl ? nodemailer.createTransport({ url: config.smtpUrl, ...POOL }) : undefined;
  const from = `Smart Spaces <no-reply@${new URL(config.publicUrl).hostname}>`;

  return {
    /** True when messages leave the server; false when they are kept in the outbox. */
    delivers: transport !== undefined,

    /** Sends a message, or keeps it in the outbox. Throws if the SMTP server refuses it. */
    async send(message: MailMessage): Promise<void> {
      if (!transport) {
        await repo.insert({
          id: newId(),
          to_address: message.to,
          subject: message.subject,
          text_body: message.text,
          html_body: message.html ?? null,
          created_at: nowIso(),
        });
        return;
      }
      await transport.sendMail({ from, ...message });
      // Log who and what, never the body: it may hold a sign-in link.
      logger.info({ to: message.to, subject: message.subject }, 'mail sent');
    },

    /** A page of kept messages, newest first. */
    async listOutbox(page: number) {
      const total = await repo.count();
      return paginate(total, page, PAGE_SIZE, repo.list);
    },

    /** One kept message, or undefined. */
    getOutboxMessage: (id: string) => repo.find(id),

    /** Closes the pooled SMTP connections (when the app closes). */
    close(): void {
      transport?.close();
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
