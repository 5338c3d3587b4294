import { parseArgs, type ParseArgsConfig } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, type Config } from './server/config';
import type { Database } from './db/connection';
import { DEMO_PASSWORD } from './demo/password';
import { PERSON_NAME_MAX_LENGTH } from './features/accounts/schema';

// The application is imported only by the commands that need it, so that help
// and mistakes in the command line answer at once.

/** An error meant for the person at the terminal: printed without a stack trace. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const MIN_PASSWORD_LENGTH = 10;
const USAGE_ERROR = 2;

interface Command {
  summary: string;
  usage: string;
  details: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** True for commands that take arguments besides options (a file name). */
  positionals?: boolean;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }): Promise<void>;
}

const ENVIRONMENT = `Environment:
  DATABASE_URL       sqlite:<path> (default sqlite:./data/smartspaces.db) or postgres://…
  PORT, HOST         where the server listens (default 3000 on 0.0.0.0)
  PUBLIC_URL         the address people use, for links in emails
  SMTP_URL           smtp://… to send mail; without it mail is kept in the outbox
  SMARTSPACES_DEMO   0 to start with an empty database instead of the demo program
  TRUST_PROXY        proxy hops to trust (1 behind one reverse proxy) or their addresses
  LOG_LEVEL          info (default), warn, error, debug, silent…`;

/** Opens and migrates the configured database, runs `work`, and always closes it. */
async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const [{ connect }, { migrateToLatest }] = await Promise.all([import('./db/connection'), import('./db/migrate')]);
  const database = connect(config.databaseUrl);
  try {
    await migrateToLatest(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Like `withDatabase`, with the application's services, for commands that change data. */
async function withServices<T>(config: Config, work: (app: FastifyInstance) => Promise<T>): Promise<T> {
  const { buildApp } = await import('./server/app');
  return withDatabase(config, async (database) => {
    const app = await buildApp({ config, database, logger: false });
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  });
}

/** Reads a line from the terminal without showing what is typed. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolvePrompt, reject) => {
    let value = '';
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish();
          resolvePrompt(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new CliError('Cancelled.', 130));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** The new admin's password: from SMARTSPACES_ADMIN_PASSWORD, or asked twice at the terminal. */
async function adminPassword(): Promise<string> {
  const fromEnv = process.env.SMARTSPACES_ADMIN_PASSWORD;
  let password: string;
  if (fromEnv !== undefined && fromEnv !== '') {
    password = fromEnv;
  } else {
    if (!process.stdin.isTTY) {
      throw new CliError('No terminal to ask for a password: set SMARTSPACES_ADMIN_PASSWORD instead.');
    }
    password = await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
    if (password.length >= MIN_PASSWORD_LENGTH && (await promptHidden('The same password again: ')) !== password) {
      throw new CliError('The two passwords are different. Nothing was changed.');
    }
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CliError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters. Nothing was changed.`);
  }
  if (password.length > 200) throw new CliError('The password must have at most 200 characters. Nothing was changed.');
  return password;
}

const commands: Record<string, Command> = {
  serve: {
    summary: 'start the web server',
    usage: 'smartspaces serve',
    details: `Applies any pending migrations, adds the demo program to an empty database
(unless SMARTSPACES_DEMO=0), and serves Smart Spaces until stopped with Ctrl+C.

${ENVIRONMENT}`,
    options: {},
    async run() {
      const config = loadConfig();
      const { startServer } = await import('./server/main');
      await startServer(config);
    },
  },

  migrate: {
    summary: 'bring the database schema up to date',
    usage: 'smartspaces migrate',
    details: 'Applies the migrations the database does not have yet. The server also does this when it starts.',
    options: {},
    async run() {
      const { migrateToLatest } = await import('./db/migrate');
      const applied = await withDatabase(loadConfig(), migrateToLatest);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is already up to date.');
    },
  },

  seed: {
    summary: 'add the demo program to an empty database',
    usage: 'smartspaces seed',
    details: `Adds the demo program (fifteen libraries, a program admin, two coaches and
library staff) to a database that has no program and no people yet. Every demo
account has the password "${DEMO_PASSWORD}". Never use it on an instance with real data.`,
    options: {},
    async run() {
      const { isEmptyInstance, seedDemo } = await import('./demo/seed');
      await withServices(loadConfig(), async (app) => {
        if (!(await isEmptyInstance(app.services))) {
          throw new CliError(
            'This database already has a program or people, so demo data was not added.\n' +
              'Demo data goes only into an empty database; point DATABASE_URL at a new one to try it.',
          );
        }
        await seedDemo(app.services, app.database.db);
      });
      console.log(`Demo data added. Sign in as admin@example.org with the password "${DEMO_PASSWORD}".`);
    },
  },

  'create-admin': {
    summary: 'create a program admin who can sign in at once',
    usage: 'smartspaces create-admin --email <email> --name <name>',
    details: `Creates an active program admin. The password is read from the
SMARTSPACES_ADMIN_PASSWORD environment variable or asked for at the terminal
(it is not shown as you type). It needs at least ${MIN_PASSWORD_LENGTH} characters.

Options:
  --email <email>   the admin's email address, used to sign in
  --name <name>     the admin's name as shown to others`,
    options: { email: { type: 'string' }, name: { type: 'string' } },
    async run({ values }) {
      const email = String(values.email ?? '').trim();
      const name = String(values.name ?? '').trim();
      if (!email || !name) throw new CliError('Both --email and --name are needed.', USAGE_ERROR);
      if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        throw new CliError(`"${email}" is not an email address.`, USAGE_ERROR);
      }
      if (name.length > PERSON_NAME_MAX_LENGTH) {
        throw new CliError(`The name must have at most ${PERSON_NAME_MAX_LENGTH} characters.`, USAGE_ERROR);
      }
      const config = loadConfig();
      const password = await adminPassword();
      const { EmailInUseError } = await import('./features/accounts/service');
      await withServices(config, async (app) => {
        try {
          await app.services.accounts.createUser({ email, name, role: 'admin', password });
        } catch (error) {
          if (error instanceof EmailInUseError) throw new CliError(`Someone already has the email ${email}.`);
          throw error;
        }
      });
      console.log(`${name} <${email.toLowerCase()}> is now a program admin and can sign in.`);
    },
  },

  backup: {
    summary: 'copy the SQLite database to a file while the server runs',
    usage: 'smartspaces backup <file>',
    details: `Writes a consistent copy of the SQLite database to <file> using SQLite's online
backup, so the server can keep running. The file must not exist yet.
For PostgreSQL, use pg_dump with the same address, e.g.
  pg_dump "$DATABASE_URL" --format=custom --file=smartspaces.dump`,
    options: {},
    positionals: true,
    async run({ positionals }) {
      const [file, ...extra] = positionals;
      if (!file || extra.length) throw new CliError('Give exactly one file to write the backup to.', USAGE_ERROR);
      const config = loadConfig();
      if (!config.databaseUrl.startsWith('sqlite:')) {
        throw new CliError(
          'The backup command copies SQLite databases. For PostgreSQL, use pg_dump with the same address:\n' +
            '  pg_dump "$DATABASE_URL" --format=custom --file=smartspaces.dump',
        );
      }
      const source = config.databaseUrl.slice('sqlite:'.length);
      // Opening a missing file would create an empty database and back that up.
      if (!source || source === ':memory:' || !existsSync(source)) {
        throw new CliError(`There is no database at "${source}" to back up. Check DATABASE_URL.`);
      }
      const target = resolve(file);
      if (existsSync(target)) throw new CliError(`${target} already exists; choose a new file name.`);
      // The copy is taken as the database is, without migrating it first.
      const { connect } = await import('./db/connection');
      const database = connect(config.databaseUrl);
      try {
        await database.sqlite?.backup(target);
      } finally {
        await database.close();
      }
      console.log(`Backup written to ${target}`);
    },
  },
};

/** A plain explanation for failures people can fix themselves, instead of a stack trace. */
function knownProblem(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return 'Another program already uses that port. Stop it, or choose another one with PORT.';
  if (code === 'EACCES') return `Permission denied: ${(error as Error).message}`;
  // Migrations run first and report a connection failure inside their own message.
  const message = error instanceof Error ? error.message : String(error);
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    /ECONNREFUSED|ENOTFOUND|database "[^"]*" does not exist|password authentication failed|unable to open database/.test(message)
  ) {
    return `Could not open the database named by DATABASE_URL: ${message}`;
  }
  return undefined;
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const list = Object.entries(commands)
    .map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
    .join('\n');
  return `Usage: smartspaces <command> [options]

Commands:
${list}

Run "smartspaces <command> --help" for the details of one command.

${ENVIRONMENT}`;
}

const commandHelp = (command: Command) => `Usage: ${command.usage}\n\n${command.summary[0]?.toUpperCase()}${command.summary.slice(1)}.\n\n${command.details}`;

/** Runs the command line and returns the exit code. */
async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(mainHelp());
    return name === undefined ? USAGE_ERROR : 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${mainHelp()}`);
    return USAGE_ERROR;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${commandHelp(command)}`);
    return USAGE_ERROR;
  }
  if (parsed.values.help) {
    console.log(commandHelp(command));
    return 0;
  }
  if (!command.positionals && parsed.positionals.length) {
    console.error(`Unexpected argument "${parsed.positionals[0]}".\n\n${commandHelp(command)}`);
    return USAGE_ERROR;
  }
  try {
    await command.run(parsed);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CliError) {
      console.error(error.message);
      return error instanceof CliError ? error.exitCode : 1;
    }
    console.error(knownProblem(error) ?? error);
    return 1;
  }
}

// A command that ends leaves nothing running, so the process exits by itself
// with this code; `serve` keeps listening until it is stopped.
process.exitCode = await runCli(process.argv.slice(2));
