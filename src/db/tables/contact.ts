/** Tables of the contact feature (see migration 0005-contact). */
export interface ContactTables {
  contact_messages: ContactMessagesTable;
}

/** A message sent to the program through the contact form. */
export interface ContactMessagesTable {
  id: string;
  name: string;
  email: string;
  message: string;
  created_at: string;
  /** When an admin first opened it; null while unread. */
  read_at: string | null;
}
