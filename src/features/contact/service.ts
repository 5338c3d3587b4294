import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { Config } from '../../server/config';
import { newId, nowIso } from '../../db/ids';
import { translator } from '../../i18n';
import type { MailService } from '../mail/service';
import type { ProgramsService } from '../programs/service';
import { createContactRepository, type ContactMessageRow } from './repository';
import { paginate } from '../../db/pagination';

/** A message sent through the contact form. */
export interface ContactMessage {
  id: string;
  name: string;
  email: string;
  message: string;
  createdAt: string;
  /** When an admin first opened it; null while unread. */
  readAt: string | null;
}

export interface ContactInput {
  name: string;
  email: string;
  message: string;
}

export interface ContactDeps {
  db: Kysely<DB>;
  config: Config;
  mail: MailService;
  programs: ProgramsService;
  logger?: { warn(obj: object, msg: string): void };
}

const PAGE_SIZE = 25;

const toMessage = (row: ContactMessageRow): ContactMessage => ({
  id: row.id,
  name: row.name,
  email: row.email,
  message: row.message,
  createdAt: row.created_at,
  readAt: row.read_at,
});

/** Line breaks and runs of space become one space, so a name cannot add lines to a subject. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Messages from visitors to the program manager: each is stored for admins
 * to read and emailed to the program's manager, with replies going straight
 * back to the sender.
 */
export function createContactService({ db, config, mail, programs, logger }: ContactDeps) {
  const repo = createContactRepository(db);
  // The manager reads the notice in the program's working language.
  const t = translator('en');

  return {
    /**
     * Stores a message, then emails it to the program manager. The message is
     * stored first: if the mail server refuses it, admins still find it under
     * Messages, and the sender is not asked to write it again.
     */
    async send(input: ContactInput): Promise<ContactMessage> {
      const row: ContactMessageRow = { id: newId(), ...input, created_at: nowIso(), read_at: null };
      await repo.insert(row);
      const program = await programs.getProgram();
      if (!program?.managerEmail) return toMessage(row);
      try {
        await mail.send({
          to: program.managerEmail,
          replyTo: input.email,
          subject: t('contact.mail.subject', { name: oneLine(input.name) }),
          text: t('contact.mail.body', {
            name: input.name,
            email: input.email,
            message: input.message,
            link: `${config.publicUrl}/messages/${row.id}`,
          }),
        });
      } catch (error) {
        logger?.warn({ err: error, messageId: row.id }, 'contact message stored but not emailed');
      }
      return toMessage(row);
    },

    /** A page (25 a page) of messages, newest first, with how many are unread. */
    async listMessages(page: number) {
      const [total, unread] = await Promise.all([repo.count(), repo.countUnread()]);
      const messages = await paginate(total, page, PAGE_SIZE, async (limit, offset) => (await repo.list(limit, offset)).map(toMessage));
      return { ...messages, unread };
    },

    /** Opens a message for an admin, marking it read; undefined when there is no such message. */
    async readMessage(id: string): Promise<ContactMessage | undefined> {
      const row = await repo.find(id);
      if (!row) return undefined;
      if (!row.read_at) {
        const at = nowIso();
        await repo.markRead(id, at);
        row.read_at = at;
      }
      return toMessage(row);
    },
  };
}

export type ContactService = ReturnType<typeof createContactService>;
