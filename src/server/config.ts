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
  trustProxy: boolean;
  logLevel: string;
  /** Requests per minute one address may make before answers become 429. */
  rateLimitPerMinute: number;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0 (got "${value}").`);
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
    trustProxy: parseBoolean('TRUST_PROXY', env.TRUST_PROXY, false),
    logLevel,
    rateLimitPerMinute,
  };
}
