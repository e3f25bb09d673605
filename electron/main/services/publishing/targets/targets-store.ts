import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { QuarantinedFile } from '../../../../../shared/model/library';
import { UserFacingError } from '../../../../../shared/model/errors';
import { GhostTarget, NinjsTarget, TargetId, WordPressTarget, type PublishTarget, type TargetInput } from '../../../../../shared/model/publishing';
import { Quarantine } from '../../drafts/quarantine';
import { prepareFileAtomic, removeStaleTempFiles, type PreparedWrite } from '../../fs/atomic-write';
import { ioFailure } from '../../fs/io-errors';
import type { SecretBox } from './secret-box';
import { stripStoredCredentials } from './stored-target-credentials';
import { messageOf } from '../../../../../shared/model/errors';

/**
 * Publish targets, in <library>/publishing/targets.json, and their secrets (application passwords,
 * bearer tokens) in secrets.json beside it, each encrypted by the OS keychain and kept as base64
 * ciphertext. Secrets live in their own file so the targets file can be read, shown or attached to
 * a support request without carrying them, and nothing here ever returns or logs a secret's text:
 * only `secretOf`, which the publisher and "Test connection" use, decrypts one.
 */
export interface TargetsStore {
  /** Every target, oldest first, each saying whether a secret is stored (never the secret). */
  list(): PublishTarget[];
  get(id: string): PublishTarget | undefined;
  /**
   * Adds a target (no id) or changes one. `secret`: a string replaces the stored one, null removes
   * it, undefined (or blank) keeps it. Refused when a secret is typed and the OS has no keychain.
   */
  save(input: TargetInput): Promise<PublishTarget>;
  remove(id: string): Promise<void>;
  /** The decrypted secret, or null when none is stored. Throws a sentence when it cannot be decrypted. */
  secretOf(id: string): Promise<string | null>;
  quarantined(): QuarantinedFile[];
  /** Waits for writes under way. */
  close(): Promise<void>;
}

const FORMAT = 1;
const StoredTarget = z.discriminatedUnion('kind', [WordPressTarget.omit({ hasSecret: true }), NinjsTarget.omit({ hasSecret: true }), GhostTarget.omit({ hasSecret: true })]);
type StoredTarget = z.infer<typeof StoredTarget>;
const TargetsFile = z.object({ format: z.literal(FORMAT), targets: z.array(StoredTarget) }).strict();
const SecretsFile = z.object({ format: z.literal(FORMAT), secrets: z.record(TargetId, z.base64()) }).strict();

export const NO_KEYCHAIN_MESSAGE =
  'This computer offers no keychain to keep the password safe, so Newsdesk did not store it. ' +
  'Set up the system keychain (on Linux: GNOME Keyring or KWallet), then enter the password again.';

/** `readOnly`: another process holds the library, so nothing is swept or moved at open. */
export async function openTargetsStore(libraryDir: string, secretBox: SecretBox, options: { readOnly?: boolean } = {}): Promise<TargetsStore> {
  const dir = join(libraryDir, 'publishing');
  const quarantineDir = join(libraryDir, 'quarantine');
  if (!options.readOnly) {
    await mkdir(dir, { recursive: true });
    await mkdir(quarantineDir, { recursive: true });
    await removeStaleTempFiles(dir);
  }
  const quarantine = new Quarantine(libraryDir, quarantineDir, { leaveInPlace: options.readOnly });
  const targetsPath = join(dir, 'targets.json');
  const secretsPath = join(dir, 'secrets.json');

  // Addresses holding a password or token are cleaned before they are judged, so they never stay in memory.
  const cleaned: string[] = [];
  const targetsSchema = z.preprocess((raw) => stripStoredCredentials(raw, cleaned), TargetsFile);
  const targets = await readOrQuarantine(targetsPath, targetsSchema, quarantine, 'The publish targets', 'Targets started empty');
  const secrets = await readOrQuarantine(secretsPath, SecretsFile, quarantine, 'The stored publishing passwords', 'Passwords must be entered again');
  // Files written by an older Newsdesk were readable by every user of the computer.
  await Promise.all([targetsPath, secretsPath].map((path) => chmod(path, 0o600).catch(() => undefined)));
  const store = new FileTargetsStore(
    { targetsPath, secretsPath },
    secretBox,
    quarantine,
    targets?.targets ?? [],
    new Map(Object.entries(secrets?.secrets ?? {})),
  );
  // The clear text leaves the disk now; should the write fail, memory is clean and the next write retries.
  if (cleaned.length > 0) await store.forgetSecretsOf(cleaned).catch(() => undefined);
  return store;
}

/** The parsed file, null when there is none yet, or null after moving an unreadable one aside with why. */
async function readOrQuarantine<T>(path: string, schema: z.ZodType<T>, quarantine: Quarantine, what: string, consequence: string): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    await quarantine.move(path, `${what} could not be read (${code ?? String(error)}). ${consequence}.`);
    return null;
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    reason = `${what} are not readable (${where}${issue?.message ?? 'invalid'}).`;
  } catch (error) {
    reason = `${what} are not valid JSON (${messageOf(error)}).`;
  }
  await quarantine.move(path, `${reason} ${consequence}; the old file is kept here.`);
  return null;
}

class FileTargetsStore implements TargetsStore {
  /** Writes run one after another, so the files on disk follow the order of the changes. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly paths: { targetsPath: string; secretsPath: string },
    private readonly box: SecretBox,
    private readonly quarantine: Quarantine,
    private targets: StoredTarget[],
    /** target id → base64 ciphertext; the plain text is never held longer than one call. */
    private secrets: Map<string, string>,
  ) {}

  list(): PublishTarget[] {
    return this.targets.map((target) => this.view(target));
  }

  get(id: string): PublishTarget | undefined {
    const target = this.targets.find((candidate) => candidate.id === id);
    return target ? this.view(target) : undefined;
  }

  save(input: TargetInput): Promise<PublishTarget> {
    return this.serially(async () => {
      const { secret, id: requestedId, ...fields } = input;
      const previous = requestedId === undefined ? undefined : this.targets.find((candidate) => candidate.id === requestedId);
      if (requestedId !== undefined && !previous) {
        throw new UserFacingError('not-found', 'That publish target no longer exists; it may have been removed in another window.');
      }
      const id = previous?.id ?? newTargetId();
      const target = StoredTarget.parse({ ...fields, id });

      const secrets = new Map(this.secrets);
      if (typeof secret === 'string' && secret.trim() !== '') {
        secrets.set(id, await this.encrypt(secret));
      } else if (secret === null) {
        secrets.delete(id);
      } else if (previous && previous.kind !== target.kind) {
        // A WordPress password is no bearer token: a target that changes kind needs its new secret typed.
        secrets.delete(id);
      }
      const targets = previous ? this.targets.map((candidate) => (candidate.id === id ? target : candidate)) : [...this.targets, target];
      await this.write(targets, secrets);
      return this.view(target);
    });
  }

  remove(id: string): Promise<void> {
    return this.serially(async () => {
      if (!this.targets.some((target) => target.id === id)) {
        throw new UserFacingError('not-found', 'That publish target no longer exists; it may have been removed in another window.');
      }
      const secrets = new Map(this.secrets);
      secrets.delete(id);
      await this.write(
        this.targets.filter((target) => target.id !== id),
        secrets,
      );
    });
  }

  async secretOf(id: string): Promise<string | null> {
    const stored = this.secrets.get(id);
    if (stored === undefined || !this.targets.some((target) => target.id === id)) return null;
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await this.box.decryptStringAsync(Buffer.from(stored, 'base64'));
    } catch {
      const name = this.get(id)?.name ?? 'this target';
      throw new UserFacingError('io', `The stored password for “${name}” could not be decrypted (the system keychain may have changed); enter it again in Settings.`);
    }
    // The keychain rotated its key: store the secret under the new one; failing that, the old still works.
    if (decrypted.shouldReEncrypt) void this.reEncrypt(id, decrypted.result).catch(() => undefined);
    return decrypted.result;
  }

  quarantined(): QuarantinedFile[] {
    return this.quarantine.list();
  }

  /** Targets whose address held credentials: their stored secret goes too, and they wait for a new one. */
  forgetSecretsOf(ids: readonly string[]): Promise<void> {
    return this.serially(async () => {
      const secrets = new Map(this.secrets);
      for (const id of ids) secrets.delete(id);
      await this.write(this.targets, secrets);
    });
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private view(target: StoredTarget): PublishTarget {
    return { ...target, hasSecret: this.secrets.has(target.id) } as PublishTarget;
  }

  private async encrypt(secret: string): Promise<string> {
    // Never fall back to plain text: a password in a JSON file is one backup or sync away from leaking.
    if (!(await this.box.isAsyncEncryptionAvailable())) throw new UserFacingError('invalid-request', NO_KEYCHAIN_MESSAGE);
    return (await this.box.encryptStringAsync(secret)).toString('base64');
  }

  private reEncrypt(id: string, secret: string): Promise<void> {
    return this.serially(async () => {
      if (!this.secrets.has(id)) return;
      const secrets = new Map(this.secrets);
      secrets.set(id, await this.encrypt(secret));
      await this.write(this.targets, secrets);
    });
  }

  /**
   * Both files are prepared (their bytes on disk) before either is put in place, so a disk that
   * refuses one changes neither: a change the editor is told failed must not take effect, now or at
   * the next start. Secrets go in place first: a target never claims a secret that is not on disk.
   * Memory follows the disk.
   */
  private async write(targets: StoredTarget[], secrets: Map<string, string>): Promise<void> {
    const known = new Set(targets.map((target) => target.id));
    const kept = Object.fromEntries([...secrets].filter(([id]) => known.has(id)));
    const prepared: PreparedWrite[] = [];
    try {
      prepared.push(await prepareFileAtomic(this.paths.secretsPath, JSON.stringify({ format: FORMAT, secrets: kept }), { mode: 0o600 }));
      prepared.push(await prepareFileAtomic(this.paths.targetsPath, JSON.stringify({ format: FORMAT, targets }, null, 2), { mode: 0o600 }));
      for (const write of prepared.splice(0)) await write.commit();
    } catch (error) {
      await Promise.all(prepared.map((write) => write.discard()));
      throw ioFailure('The publish targets could not be saved', error);
    }
    this.secrets = new Map(Object.entries(kept));
    this.targets = targets;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function newTargetId(): string {
  return `t-${randomBytes(8).toString('hex')}`;
}
