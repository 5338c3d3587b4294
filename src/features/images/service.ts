/** The images feature's rules. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function createImagesService(deps: Record<string, unknown>) {
  return {};
}

export type ImagesService = ReturnType<typeof createImagesService>;
