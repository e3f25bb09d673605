import type { Channel } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';

/** What the fuzz sent and what came back, for the assertions and for the summary it prints. */
export interface ChannelCounts {
  sent: number;
  malformed: number;
  /** Mutations that the schema still accepts: not malformed, so not expected to be refused. */
  stillValid: number;
  /** Of those, the ones sent to the services on the main data folder (read-only channels). */
  stillValidSent: number;
  /** And the ones sent to the services on a scratch data folder (channels that write). */
  stillValidScratch: number;
}

export class FuzzStats {
  readonly perChannel = new Map<Channel, ChannelCounts>();
  readonly byCode = new Map<string, number>();
  readonly byFamily = new Map<string, number>();
  total = 0;
  unknownChannels = 0;
  untrustedCalls = 0;
  longestMessage = 0;

  channel(channel: Channel): ChannelCounts {
    let counts = this.perChannel.get(channel);
    if (!counts) {
      counts = { sent: 0, malformed: 0, stillValid: 0, stillValidSent: 0, stillValidScratch: 0 };
      this.perChannel.set(channel, counts);
    }
    return counts;
  }

  family(name: string): void {
    this.byFamily.set(name, (this.byFamily.get(name) ?? 0) + 1);
  }

  answered(result: Result<unknown>): void {
    this.total += 1;
    const code = result.ok ? 'ok' : result.error.code;
    this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
    if (!result.ok) this.longestMessage = Math.max(this.longestMessage, result.error.message.length);
  }

  summary(seed: number, durationMs: number): string {
    const counts = [...this.perChannel.values()];
    const sum = (pick: (c: ChannelCounts) => number) => counts.reduce((total, c) => total + pick(c), 0);
    const sentPerChannel = counts.map((c) => c.sent);
    const malformedPerChannel = counts.map((c) => c.malformed);
    const list = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
    return [
      `IPC fuzz, seed ${seed} (NEWSDESK_FUZZ_SEED=${seed} repeats this run)`,
      `  calls answered: ${this.total} in ${(durationMs / 1000).toFixed(1)} s`,
      `  contract channels: ${counts.length}; payloads per channel min ${Math.min(...sentPerChannel)} max ${Math.max(...sentPerChannel)}; ` +
        `malformed per channel min ${Math.min(...malformedPerChannel)} max ${Math.max(...malformedPerChannel)}`,
      `  contract payloads: ${sum((c) => c.sent)}, malformed ${sum((c) => c.malformed)}, still valid ${sum((c) => c.stillValid)} ` +
        `(sent to services: ${sum((c) => c.stillValidSent)} read-only, ${sum((c) => c.stillValidScratch)} writing to a scratch folder)`,
      `  unknown or non-string channels: ${this.unknownChannels}; untrusted callers: ${this.untrustedCalls}`,
      `  answers by code: ${list(this.byCode)}`,
      `  payload families: ${list(this.byFamily)}`,
      `  longest error message: ${this.longestMessage} characters`,
    ].join('\n');
  }
}
