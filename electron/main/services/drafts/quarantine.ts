import { randomBytes } from 'node:crypto';
import { basename, join, relative } from 'node:path';
import type { QuarantinedFile } from '../../../../shared/model/library';
import { renameDurable, writeFileAtomic } from '../fs/atomic-write';

/**
 * Unreadable files are moved out of the way rather than deleted or skipped: deleting would lose
 * whatever text is still in them, and leaving them would make every start stumble on them again.
 * A person can open the quarantine folder (and the .reason.txt beside each file) to recover text.
 */
export class Quarantine {
  private readonly reported: QuarantinedFile[] = [];

  constructor(
    private readonly root: string,
    private readonly folder: string,
    /** In a read-only library files are reported and ignored, never moved (another process may own them). */
    private readonly options: { leaveInPlace?: boolean } = {},
  ) {}

  /** Files moved aside since the store opened, oldest first. */
  list(): QuarantinedFile[] {
    return this.reported.map((entry) => ({ ...entry }));
  }

  /**
   * Moves `path` into the quarantine folder and records why. Returns null if the file had already
   * gone (nothing to protect). Never throws: a failed move is reported with the file left in place,
   * and the caller ignores the file for the rest of the session either way.
   */
  async move(path: string, reason: string): Promise<QuarantinedFile | null> {
    const at = new Date();
    const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const target = join(this.folder, `${stamp}-${randomBytes(3).toString('hex')}-${basename(path)}`);
    const entry: QuarantinedFile = { file: relative(this.root, path), movedTo: target, reason, at: at.toISOString() };
    if (this.options.leaveInPlace) {
      entry.movedTo = path;
      entry.reason = `${reason} The library is open read-only here, so it was left in place and ignored.`;
      this.reported.push(entry);
      return entry;
    }
    try {
      await renameDurable(path, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      entry.movedTo = path;
      entry.reason = `${reason} It could not be moved to the quarantine folder (${code ?? String(error)}), so it was left in place and ignored.`;
      this.reported.push(entry);
      return entry;
    }
    // The note is a courtesy for whoever inspects the folder; failing to write it must not hide the report.
    await writeFileAtomic(`${target}.reason.txt`, `${entry.file}\n${entry.at}\n${reason}\n`).catch(() => undefined);
    this.reported.push(entry);
    return entry;
  }
}
