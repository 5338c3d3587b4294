import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-error';

/** The uploaded file as read from a multipart body. */
export interface Upload {
  bytes: Buffer;
  /** True when the file was longer than the limit and was cut short. */
  tooLarge: boolean;
}

/**
 * Lets the routes of one plugin accept multipart bodies with one file of at
 * most `maxBytes`. Registered per plugin, so no other form accepts uploads.
 * A file over the limit is cut short rather than refused (see `readUpload`).
 */
export async function acceptUploads(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 },
    throwFileSizeLimit: false,
  });
}

/**
 * A `preValidation` hook that reads a multipart upload into `request.body`:
 * its text fields, and the file of the field `file` under `upload`. A file
 * over the size limit is flagged rather than refused outright, so the form
 * can say so next to the field; an unreadable body is a 400.
 */
export async function readUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) {
    // Only a file part of a multipart body is an upload: a plain form cannot
    // smuggle one in as a text field named `upload`.
    const body = request.body;
    if (body && typeof body === 'object' && 'upload' in body) {
      const { upload: _ignored, ...fields } = body as Record<string, unknown>;
      request.body = fields;
    }
    return;
  }
  const fields: Record<string, string | Upload> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file' && bytes.length > 0 && !fields.upload) {
          fields.upload = { bytes, tooLarge: part.file.truncated };
        }
      } else if (typeof part.value === 'string' && !(part.fieldname in fields)) {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    request.log.info({ err: error }, 'unreadable upload');
    throw new HttpError(400);
  }
  request.body = fields;
}
