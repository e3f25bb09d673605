// `npm run desk-server` starts the desk; `npm run desk-server -- add-user --name … --email …
// --role … --desk …` creates an account. Configuration comes from the environment (README.md).
import { parseArgs } from 'node:util';
import { messageOf } from '../shared/model/errors';
import { addUser, countUsers } from './accounts';
import { openDeskDatabase } from './db/database';
import { DEFAULT_DESK_OPTIONS, startDeskServer, type DeskServerOptions } from './desk-server';
import { readPasswordFromStdin } from './read-password';

function mediaLimit(text: string): number {
  const bytes = Number(text);
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new Error(`DESK_MEDIA_MAX_BYTES must be a number of bytes (got "${text}").`);
  return bytes;
}

function optionsFromEnvironment(env: NodeJS.ProcessEnv): Partial<DeskServerOptions> {
  const port = env.DESK_PORT ? Number(env.DESK_PORT) : DEFAULT_DESK_OPTIONS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DESK_PORT must be a port number (got "${env.DESK_PORT}").`);
  return {
    port,
    host: env.DESK_HOST ?? DEFAULT_DESK_OPTIONS.host,
    databaseUrl: env.DESK_DATABASE_URL,
    dataDir: env.DESK_DATA_DIR ?? DEFAULT_DESK_OPTIONS.dataDir,
    redisUrl: env.DESK_REDIS_URL,
    tokenSecret: env.DESK_TOKEN_SECRET,
    mediaDir: env.DESK_MEDIA_DIR,
    ...(env.DESK_MEDIA_MAX_BYTES ? { maxMediaBytes: mediaLimit(env.DESK_MEDIA_MAX_BYTES) } : {}),
  };
}

async function serve(): Promise<void> {
  const desk = await startDeskServer(optionsFromEnvironment(process.env));
  const users = await countUsers(desk.db);
  console.log(`Newsdesk desk server (${desk.db.description}${process.env.DESK_REDIS_URL ? ', Redis for several instances' : ''})`);
  console.log(`Give the desktops this address (Preferences › Desk): ${desk.url}`);
  if (users === 0) {
    console.log('No accounts yet. Create the first one with:');
    console.log('  npm run desk-server -- add-user --name "Your Name" --email you@example.org --role admin --desk news');
  }
  const stop = (): void => {
    desk.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function addUserCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      // Repeat for several roles: --role reporter --role publisher.
      role: { type: 'string', multiple: true, default: ['editor'] },
      desk: { type: 'string', multiple: true },
    },
    strict: true,
  });
  // The password is read from the terminal (or a pipe), never from argv, where other users of the
  // machine could read it in the process list.
  const password = await readPasswordFromStdin();
  const db = await openDeskDatabase({ url: process.env.DESK_DATABASE_URL, dataDir: process.env.DESK_DATA_DIR ?? DEFAULT_DESK_OPTIONS.dataDir });
  try {
    const user = await addUser(db, { name: values.name ?? '', email: values.email ?? '', roles: values.role, password, desks: values.desk ?? [] });
    console.log(`Created ${user.name} <${user.email}> (${user.roles.join(', ')}) on ${(values.desk ?? []).join(', ')}.`);
  } finally {
    await db.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === undefined || command === 'serve') await serve();
  else if (command === 'add-user') await addUserCommand(rest);
  else throw new Error(`Unknown command "${command}". Use: serve (the default) or add-user.`);
} catch (error) {
  const issues = (error as { issues?: { message: string }[] }).issues;
  console.error(`desk-server: ${issues ? issues.map((issue) => issue.message).join(' ') : messageOf(error)}`);
  process.exitCode = 1;
}
