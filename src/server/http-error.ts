/** An error that maps directly to an HTTP status and its error page. */
export class HttpError extends Error {
  constructor(readonly statusCode: 400 | 403 | 404 | 409 | 413 | 429) {
    super(`HTTP ${statusCode}`);
  }
}
