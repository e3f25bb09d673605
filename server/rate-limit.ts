/**
 * Failed logins per client address and email, in a fixed window: after `maxFailures` the pair is
 * refused until the window ends, so a password cannot be guessed at speed, while another user on
 * the same newsroom network (same address, other email) can still sign in.
 */
export class LoginRateLimit {
  private readonly failures = new Map<string, { count: number; windowEnds: number }>();

  constructor(private readonly maxFailures: number, private readonly windowMs: number, private readonly now = () => Date.now()) {}

  /** Seconds to wait before trying again, or 0 when an attempt may be made now. */
  retryAfterSeconds(address: string, email: string): number {
    const entry = this.failures.get(this.key(address, email));
    if (!entry) return 0;
    const left = entry.windowEnds - this.now();
    if (left <= 0) {
      this.failures.delete(this.key(address, email));
      return 0;
    }
    return entry.count >= this.maxFailures ? Math.ceil(left / 1000) : 0;
  }

  recordFailure(address: string, email: string): void {
    const key = this.key(address, email);
    const entry = this.failures.get(key);
    if (!entry || entry.windowEnds <= this.now()) this.failures.set(key, { count: 1, windowEnds: this.now() + this.windowMs });
    else entry.count += 1;
    this.prune();
  }

  recordSuccess(address: string, email: string): void {
    this.failures.delete(this.key(address, email));
  }

  private key(address: string, email: string): string {
    return `${address}\u0000${email.trim().toLowerCase()}`;
  }

  /** Keeps memory bounded when someone sprays many emails. */
  private prune(): void {
    if (this.failures.size < 10_000) return;
    const now = this.now();
    for (const [key, entry] of this.failures) if (entry.windowEnds <= now) this.failures.delete(key);
  }
}
