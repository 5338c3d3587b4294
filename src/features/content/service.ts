/** The content feature's rules. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function createContentService(deps: Record<string, unknown>) {
  return {};
}

export type ContentService = ReturnType<typeof createContentService>;
