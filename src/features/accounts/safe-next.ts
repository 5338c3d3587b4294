/**
 * Only same-site paths are followed after sign-in, never another host. A path
 * must be plain printable ASCII (anything else cannot go into a Location
 * header as it is) without backslashes, and must not begin with two slashes
 * even once percent-decoded, since some browsers and proxies read `/%2F` or
 * `/\` as `//`, another host.
 */
export function safeNext(next: unknown): string {
  const fallback = '/dashboard';
  if (typeof next !== 'string' || !/^\/[\x21-\x5b\x5d-\x7e]*$/.test(next)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return fallback;
  }
  return /^\/[/\\]/.test(decoded) || decoded.includes('\\') ? fallback : next;
}
