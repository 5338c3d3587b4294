import { isIP } from 'node:net';

/**
 * Configuration comes only from environment variables (see README).
 * Everything is checked once at start so that a typo fails loudly with a
 * message that says what to fix, instead of surfacing later as odd behaviour.
 */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  smtpUrl: string | undefined;
  /** Public base address used in emails and absolute links, without a trailing slash. */
  publicUrl: string;
  demo: boolean;
  /**
   * Which `X-Forwarded-For` hops to believe: false (none), a number of proxy
   * hops counted from the server, or the proxies' addresses and CIDR ranges.
   * Never "all": the first hops are written by the client and can be forged.
   */
  trustProxy: TrustProxy;
  logLevel: string;
  /** Requests per minute one address may make before answers become 429. */
  rateLimitPerMinute: number;
}

export class ConfigError extends Error {}

/** The forms of `TRUST_PROXY` that Fastify's `trustProxy` option accepts and that are safe. */
export type TrustProxy = false | number | string[];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0 (got "${value}").`);
}

/** Names proxy-addr (behind Fastify's `trustProxy`) understands for common private ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** True for an IPv4 or IPv6 address, optionally with a prefix length that fits it. */
function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/**
 * Reads `TRUST_PROXY`: unset or 0 trusts no proxy; a whole number trusts that
 * many hops nearest the server (1 = the one reverse proxy in front); a
 * comma-separated list trusts the proxies at those addresses or ranges.
 * "true" is refused: trusting every hop lets a client forge its address.
 */
function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || ['0', 'false', 'no', 'off'].includes(text.toLowerCase())) return false;
  if (/^\d+$/.test(text)) {
    // More than a few proxies in a row is a typo, not a deployment.
    const hops = Number(text);
    if (hops <= 10) return hops > 0 ? hops : false;
  } else {
    const entries = text.split(',').map((entry) => entry.trim());
    if (entries.every(isAddressOrCidr)) return entries;
  }
  throw new ConfigError(
    `TRUST_PROXY must be the number of reverse proxies in front of the server (1 to 10, usually 1) ` +
      `or a comma-separated list of their addresses or CIDR ranges such as 10.0.0.0/8,::1 (got "${value}").`,
  );
}

/**
 * The `trustProxy` option for Fastify. A list goes through as it is. Fastify
 * ignores a plain hop count (it cannot tell whether the peer is the proxy),
 * so a count becomes a function that believes exactly that many hops nearest
 * the server: with 1, the socket peer is the proxy and the address it appended
 * last is the client's; anything the client wrote before it is ignored. That
 * assumes the server is reachable only through its proxies; when it is not,
 * list the proxies' addresses instead.
 */
export function fastifyTrustProxy(trustProxy: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy !== 'number') return trustProxy;
  return (_address, hop) => hop < trustProxy;
}

/** Reads and checks the configuration from an environment object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}").`);
  }
  const host = env.HOST || '0.0.0.0';
  const databaseUrl = env.DATABASE_URL || 'sqlite:./data/smartspaces.db';
  if (!/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(databaseUrl)) {
    throw new ConfigError(
      `DATABASE_URL must start with "sqlite:" (a file path) or "postgres://" (got "${databaseUrl}").`,
    );
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps:// (got "${smtpUrl}").`);
  }
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be a full address such as https://spaces.example.org (got "${publicUrl}").`);
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}").`);
  }
  const rateLimitPerMinute = Number(env.RATE_LIMIT_PER_MINUTE || '600');
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) {
    throw new ConfigError(`RATE_LIMIT_PER_MINUTE must be a whole number of at least 1 (got "${env.RATE_LIMIT_PER_MINUTE}").`);
  }
  return {
    port,
    host,
    databaseUrl,
    smtpUrl,
    publicUrl,
    demo: parseBoolean('SMARTSPACES_DEMO', env.SMARTSPACES_DEMO, true),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel,
    rateLimitPerMinute,
  };
}
