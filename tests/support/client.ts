import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** Reads the value of the first hidden `_csrf` field in an HTML page. */
export function csrfFrom(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

/**
 * A browser-like client over `app.inject()`: it keeps cookies between
 * requests and fills in the CSRF token for form posts, so tests go through
 * the same path as a person using the site.
 */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  private token: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    if (String(response.headers['content-type'] ?? '').startsWith('text/html')) {
      this.token = csrfFrom(response.body) ?? this.token;
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Sets a cookie directly, e.g. a session token made by a test. */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** True while the client holds a session cookie. */
  get signedIn(): boolean {
    return this.cookies.has('ss_session');
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } });
    this.remember(response);
    return response;
  }

  /** A CSRF token valid for this client's cookies, fetched from a page with a form if needed. */
  async csrf(): Promise<string> {
    if (!this.token) {
      const page = await this.get('/sign-in');
      if (!this.token && page.statusCode === 303) await this.get('/account');
    }
    if (!this.token) throw new Error('No CSRF token found on /sign-in or /account');
    return this.token;
  }

  /**
   * Posts a urlencoded form. The CSRF token is added unless `csrf: false`.
   * Repeated fields are given as arrays.
   */
  async post(
    url: string,
    fields: Record<string, string | string[]> = {},
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    if (options.csrf !== false) body.append('_csrf', await this.csrf());
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...options.headers },
    });
    this.remember(response);
    return response;
  }

  /**
   * Posts a body exactly as given, with this client's cookies: bytes that are
   * not UTF-8, JSON, or a form built by hand. The caller adds any CSRF token.
   */
  async postRaw(url: string, payload: string | Buffer, contentType: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': contentType, cookie: this.cookieHeader(), ...headers },
    });
    this.remember(response);
    return response;
  }

  /** Signs in through the form; throws unless it succeeds. */
  async signIn(email: string, password: string): Promise<void> {
    const response = await this.post('/sign-in', { email, password });
    if (response.statusCode !== 303 || !this.signedIn) {
      throw new Error(`Sign-in as ${email} failed with ${response.statusCode}`);
    }
  }
}
