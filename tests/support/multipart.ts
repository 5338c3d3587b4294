/** A file as a browser uploads it. */
export interface FilePart {
  name: string;
  type: string;
  bytes: Buffer;
}

/**
 * A multipart body as a browser sends it: the CSRF field (unless undefined),
 * the file (an empty part when none was chosen), then the other fields.
 */
export async function multipart(csrf: string | undefined, file: FilePart | undefined, fields: Record<string, string>) {
  const form = new FormData();
  if (csrf !== undefined) form.append('_csrf', csrf);
  form.append('file', file ? new Blob([new Uint8Array(file.bytes)], { type: file.type }) : new Blob([]), file?.name ?? '');
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Response(form);
  return { payload: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? '' };
}
