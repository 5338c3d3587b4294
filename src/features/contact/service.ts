/** The contact feature's rules. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function createContactService(deps: Record<string, unknown>) {
  return {};
}

export type ContactService = ReturnType<typeof createContactService>;
