import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type CallerFrame, type Dispatch, type Handlers } from '../../electron/main/ipc/dispatcher';
import { CHANNELS, contract, type Channel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import { FuzzStats } from './fuzz/fuzz-stats';
import { listFiles, openFuzzServices, openSettledFuzzServices, type FuzzServices } from './fuzz/fuzz-services';
import { hostileValue, isTooDeepToClone } from './fuzz/hostile-values';
import { mutationOf } from './fuzz/mutations';
import { TRUSTED_CALLER, TRUSTED_ORIGINS, notAChannel, untrustedCaller } from './fuzz/outsiders';
import { READ_ONLY_CHANNELS, VALID_REQUESTS } from './fuzz/valid-requests';
import { messageOf } from '../../shared/model/errors';

/**
 * Issue 6: at least 10,000 random and malformed payloads across every channel of the contract, sent
 * through the real dispatcher to the real services on a temp data folder. Each malformed one must
 * come back as a validation error with a short, readable message, without reaching a service;
 * nothing may throw, reject unhandled, pollute prototypes or touch the data folder; the app works
 * afterwards. Mutations that are still valid are counted apart and must not fail inside.
 */

const DEFAULT_SEED = 20_260_306;
const SEED = seedFromEnvironment();
const RUNS_PER_CHANNEL = 200;
const OUTSIDER_RUNS = 300;
/** A validation error names the channel and at most three issues, each clipped: never an echo of the input. */
const MAX_MESSAGE_LENGTH = 800;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

function seedFromEnvironment(): number {
  const raw = process.env.NEWSDESK_FUZZ_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`NEWSDESK_FUZZ_SEED must be an integer, not "${raw.slice(0, 40)}"`);
  return seed | 0;
}

/**
 * What main receives: the structured clone of what the page sent. A payload holding one of the
 * 10,000-deep values goes as it is, since the clone's serializer itself runs out of stack on it.
 */
function delivered(payload: unknown): unknown {
  if (isTooDeepToClone(payload)) return payload;
  try {
    return structuredClone(payload);
  } catch (error) {
    if (error instanceof RangeError) return payload;
    throw error;
  }
}

function isValid(channel: Channel, payload: unknown): boolean {
  try {
    return contract[channel].request.safeParse(payload).success;
  } catch {
    return false;
  }
}

function describeForFailure(value: unknown): string {
  try {
    return (JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value)).slice(0, 300);
  } catch (error) {
    return `${Object.prototype.toString.call(value)} (${error instanceof Error ? error.message : ''})`;
  }
}

function expectReadableRefusal(result: Result<unknown>, code: 'invalid-request' | 'forbidden', context: string): void {
  if (result.ok || result.error.code !== code) throw new Error(`${context}: expected ${code}, got ${describeForFailure(result)}`);
  const { message } = result.error;
  if (typeof message !== 'string' || message.length === 0 || message.length > MAX_MESSAGE_LENGTH) {
    throw new Error(`${context}: message of ${String(message?.length)} characters: ${String(message).slice(0, 200)}`);
  }
  if (LONE_SURROGATE.test(message) || CONTROL_CHARACTER.test(message)) throw new Error(`${context}: unreadable message ${JSON.stringify(message)}`);
}

interface Sample<T> {
  value: T;
  family: string;
}

/**
 * Runs a fast-check property over labelled samples. fast-check prints a failing sample through its
 * toString method: the payload itself may hold a megabyte or be nested 10,000 deep.
 */
async function check<T>(arbitrary: fc.Arbitrary<Sample<T>>, seed: number, numRuns: number, property: (sample: Sample<T>) => Promise<void>): Promise<void> {
  const described = arbitrary.map((sample) => ({ ...sample, [fc.toStringMethod]: () => `${sample.family}: ${describeForFailure(sample.value)}` }));
  try {
    await fc.assert(fc.asyncProperty(described, property), { seed, numRuns });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `\nCaused by: ${error.cause.message}` : '';
    throw new Error(`${String(error instanceof Error ? error.message : error)}${cause}`.slice(0, 4000));
  }
}

describe('IPC fuzz against the real services', () => {
  const stats = new FuzzStats();
  const unhandled: unknown[] = [];
  const internalErrors: string[] = [];
  const handlerCalls = new Map<Channel, number>();
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const onInternalError = (channel: string, error: unknown) =>
    internalErrors.push(`${channel}: ${messageOf(error)}`.slice(0, 300));
  let dataDir: string;
  let fuzz: FuzzServices;
  let dispatch: Dispatch;
  let filesBefore: string[];
  // Still-valid requests to channels that write go to a second data folder, so the first stays untouched.
  let scratchDir: string;
  let scratch: FuzzServices;
  let dispatchToScratch: Dispatch;
  const prototypesBefore = {
    object: Object.getOwnPropertyNames(Object.prototype).sort(),
    array: Object.getOwnPropertyNames(Array.prototype).sort(),
    func: Object.getOwnPropertyNames(Function.prototype).sort(),
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    dataDir = await mkdtemp(join(tmpdir(), 'newsdesk-ipc-fuzz-'));
    fuzz = await openSettledFuzzServices(dataDir);
    // Counting wrappers: the only calls that may reach a service are the still-valid read-only ones.
    const counted = Object.fromEntries(
      CHANNELS.map((channel) => [
        channel,
        (request: unknown, caller?: CallerFrame) => {
          handlerCalls.set(channel, (handlerCalls.get(channel) ?? 0) + 1);
          return (fuzz.services.handlers[channel] as (r: unknown, c?: CallerFrame) => unknown)(request, caller);
        },
      ]),
    ) as unknown as Handlers;
    dispatch = createDispatcher(counted, { trustedOrigins: TRUSTED_ORIGINS, onInternalError });
    filesBefore = await listFiles(dataDir);

    scratchDir = await mkdtemp(join(tmpdir(), 'newsdesk-ipc-fuzz-scratch-'));
    scratch = await openFuzzServices(scratchDir);
    dispatchToScratch = createDispatcher(scratch.services.handlers, { trustedOrigins: TRUSTED_ORIGINS, onInternalError });
    // The article and video the samples name exist there, so valid mutations reach past "not found".
    for (const channel of ['drafts:save', 'videos:save'] as const) expect(await dispatchToScratch(channel, VALID_REQUESTS[channel], TRUSTED_CALLER)).toMatchObject({ ok: true });
  });

  /**
   * A mutation the schema still accepts is no malformed request; it goes to the services (read-only
   * channels to the main folder, the others to the scratch one) and must come back as a Result that
   * is not an internal error. targets:test is left out: a valid one connects to the address it names.
   */
  async function sendStillValid(channel: Channel, request: unknown): Promise<void> {
    const counts = stats.channel(channel);
    counts.stillValid += 1;
    if (channel === 'targets:test') return;
    const readOnly = READ_ONLY_CHANNELS.has(channel);
    if (readOnly) counts.stillValidSent += 1;
    else counts.stillValidScratch += 1;
    const result = await (readOnly ? dispatch : dispatchToScratch)(channel, request, TRUSTED_CALLER);
    stats.answered(result);
    if (!result.ok && result.error.code === 'internal') throw new Error(`${channel}: valid request failed inside: ${result.error.message}`);
  }

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await Promise.all([fuzz?.services.close(), scratch?.services.close()]);
    for (const dir of [dataDir, scratchDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has a valid sample request for every channel, accepted by its schema', () => {
    expect(Object.keys(VALID_REQUESTS).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      const parsed = contract[channel].request.safeParse(structuredClone(VALID_REQUESTS[channel]));
      expect(parsed.success, `${channel}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it('answers every malformed payload on every channel with a short validation error, and nothing else', async () => {
    const started = performance.now();
    for (const [index, channel] of CHANNELS.entries()) {
      const payloads = fc.oneof(
        { weight: 7, arbitrary: mutationOf(VALID_REQUESTS[channel]).map((m) => ({ value: m.payload, family: `mutation:${m.kinds.join('+')}` })) },
        { weight: 3, arbitrary: hostileValue.map((value) => ({ value, family: 'random value' })) },
      );
      await check(payloads, SEED + index, RUNS_PER_CHANNEL, async ({ value, family }) => {
        const counts = stats.channel(channel);
        const received = delivered(value);
        counts.sent += 1;
        stats.family(family.split('+')[0]!);
        if (isValid(channel, received)) return sendStillValid(channel, received);
        counts.malformed += 1;
        const result = await dispatch(channel, received, TRUSTED_CALLER);
        stats.answered(result);
        expectReadableRefusal(result, 'invalid-request', `${channel} (${family}) ${describeForFailure(received)}`);
        if (!result.ok && !result.error.message.includes(`"${channel}"`)) throw new Error(`${channel}: message does not name the request: ${result.error.message}`);
      });
    }

    const channels = notAChannel.map((value) => ({ value, family: 'unknown channel' }));
    await check(channels, SEED + 1000, OUTSIDER_RUNS, async ({ value: channel }) => {
      const result = await dispatch(channel, delivered(VALID_REQUESTS['drafts:get']), TRUSTED_CALLER);
      stats.unknownChannels += 1;
      stats.answered(result);
      expectReadableRefusal(result, 'invalid-request', `channel ${describeForFailure(channel)}`);
    });

    const untrusted = fc.tuple(untrustedCaller, fc.constantFrom(...CHANNELS), fc.boolean(), hostileValue).map((value) => ({ value, family: 'untrusted caller' }));
    await check(untrusted, SEED + 2000, OUTSIDER_RUNS, async ({ value: [caller, channel, sendValid, hostile] }) => {
      const result = await dispatch(channel, delivered(sendValid ? VALID_REQUESTS[channel] : hostile), caller);
      stats.untrustedCalls += 1;
      stats.answered(result);
      expectReadableRefusal(result, 'forbidden', `${channel} from ${describeForFailure(caller)}`);
    });

    console.log(stats.summary(SEED, performance.now() - started));

    const counts = [...stats.perChannel.values()];
    expect(stats.perChannel.size).toBe(CHANNELS.length);
    expect(Math.min(...counts.map((c) => c.sent))).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL);
    expect(Math.min(...counts.map((c) => c.malformed))).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL / 2);
    expect(counts.reduce((total, c) => total + c.malformed, 0)).toBeGreaterThanOrEqual(10_000);
    expect(stats.unknownChannels).toBeGreaterThanOrEqual(OUTSIDER_RUNS);
    expect(stats.untrustedCalls).toBeGreaterThanOrEqual(OUTSIDER_RUNS);
    // In the main folder, only still-valid requests on read-only channels reached a service, one call each.
    const reached = [...handlerCalls.values()].reduce((total, n) => total + n, 0);
    expect(reached).toBe(counts.reduce((total, c) => total + c.stillValidSent, 0));
    expect([...handlerCalls.keys()].filter((channel) => !READ_ONLY_CHANNELS.has(channel))).toEqual([]);
    expect(internalErrors).toEqual([]);
    expect(fuzz.outsideCalls).toEqual([]);
    expect(unhandled).toEqual([]);
  }, 600_000);

  it('leaves prototypes, the data folder and the services as they were', async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypesBefore.object);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(prototypesBefore.array);
    expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(prototypesBefore.func);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await listFiles(dataDir)).toEqual(filesBefore);

    const settings = await dispatch('settings:get', {}, TRUSTED_CALLER);
    expect(settings).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    const created = await dispatch('drafts:create', { section: 'Sport' }, TRUSTED_CALLER);
    expect(created).toMatchObject({ ok: true, value: { section: 'Sport' } });
    const id = created.ok ? (created.value as { id: string }).id : '';
    expect(await dispatch('drafts:get', { id }, TRUSTED_CALLER)).toEqual(created);
    expect(await dispatch('drafts:list', {}, TRUSTED_CALLER)).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await dispatch('app:info', {}, TRUSTED_CALLER)).toMatchObject({ ok: true, value: { quarantined: [] } });
    expect((await listFiles(dataDir)).filter((file) => file.includes('quarantine'))).toEqual([]);
    expect(unhandled).toEqual([]);
  });
});
