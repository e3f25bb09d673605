import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A real HTTP proxy on 127.0.0.1 in front of a (WordPress) server that breaks requests on purpose,
 * the way trains, hotel wifi and overloaded hosts do: by rule (method + path + which occurrence) or
 * on a seeded random schedule, so a failing run can be replayed. It counts every fault it injected.
 *
 * - refuse: drops the request's connection and stops listening for a while (connection refused);
 * - error500 / rate429: answers itself without forwarding (429 with Retry-After);
 * - timeout: accepts the request and never answers;
 * - resetUpload: forwards part of the body, then resets both connections (nothing reaches the CMS);
 * - loseResponse: forwards the whole request, lets the server answer (the post or photo now exists),
 *   then drops the client's connection without passing the answer on.
 */

export const FAULT_KINDS = ['refuse', 'error500', 'rate429', 'timeout', 'resetUpload', 'loseResponse'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** GET, POST …; any method when absent. */
  method?: string;
  /** Tested against the request's path and query (e.g. /\/wp\/v2\/media/); any path when absent. */
  path?: RegExp;
  /** Which matching request is hit first, counting from 1 (default 1). */
  nth?: number;
  /** How many consecutive matching requests are hit from there (default 1). */
  times?: number;
}

export interface RandomSchedule {
  seed: number;
  /** Probability in [0, 1] that a request not hit by a rule gets a fault. */
  rate: number;
  /** The kinds to draw from (all when absent); resetUpload only hits requests with a sizeable body. */
  kinds?: readonly FaultKind[];
  /** The kinds to draw from for uploads (requests with a sizeable body); `kinds` when absent. */
  uploadKinds?: readonly FaultKind[];
  /** Only requests matching these are eligible. */
  method?: string;
  path?: RegExp;
}

export interface FaultProxyOptions {
  /** The server behind the proxy, e.g. http://127.0.0.1:8089. */
  target: string;
  rules?: FaultRule[];
  random?: RandomSchedule;
  /** How long "refuse" stops listening (300 ms unless set). */
  refuseForMs?: number;
  /** The Retry-After sent with 429, in seconds (1 unless set). */
  retryAfterSeconds?: number;
}

export interface InjectedFault {
  kind: FaultKind;
  method: string;
  path: string;
}

export interface FaultProxy {
  url: string;
  port: number;
  /** How many of each fault were injected so far. */
  readonly injected: Record<FaultKind, number>;
  /** Every fault injected, in order. */
  readonly log: readonly InjectedFault[];
  /** Requests seen (including refused ones' triggering requests) and requests passed on untouched. */
  readonly stats: { requests: number; forwarded: number };
  addRule(rule: FaultRule): void;
  /** Replaces (or, with null, stops) the random schedule. */
  setRandom(schedule: RandomSchedule | null): void;
  close(): Promise<void>;
}

/** Big enough to be a photo, not a JSON body: the requests a reset "in the middle of an upload" hits. */
const UPLOAD_MIN_BYTES = 8 * 1024;
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

/** mulberry32: a small seeded generator, so a schedule can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function withoutHopByHop(headers: http.IncomingHttpHeaders | http.OutgoingHttpHeaders): http.OutgoingHttpHeaders {
  const copy: http.OutgoingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

function isUpload(req: http.IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) >= UPLOAD_MIN_BYTES;
}

interface RuleState {
  rule: FaultRule;
  seen: number;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const refuseForMs = options.refuseForMs ?? 300;
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  const rules: RuleState[] = (options.rules ?? []).map((rule) => ({ rule, seen: 0 }));
  let schedule: { spec: RandomSchedule; next: () => number } | null = null;
  const setRandom = (spec: RandomSchedule | null): void => {
    schedule = spec ? { spec, next: seededRandom(spec.seed) } : null;
  };
  setRandom(options.random ?? null);

  const injected = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  const log: InjectedFault[] = [];
  const stats = { requests: 0, forwarded: 0 };
  const sockets = new Set<Socket>();
  let closed = false;
  let port = 0;

  const matches = (req: http.IncomingMessage, method?: string, path?: RegExp): boolean =>
    (!method || req.method === method.toUpperCase()) && (!path || path.test(req.url ?? ''));

  function chooseFault(req: http.IncomingMessage): FaultKind | null {
    for (const state of rules) {
      if (!matches(req, state.rule.method, state.rule.path)) continue;
      state.seen += 1;
      const first = state.rule.nth ?? 1;
      if (state.seen >= first && state.seen < first + (state.rule.times ?? 1)) return state.rule.kind;
    }
    if (!schedule || !matches(req, schedule.spec.method, schedule.spec.path)) return null;
    // Two draws per eligible request, whatever happens, so the schedule depends only on the seed
    // and the order of requests.
    const hit = schedule.next() < schedule.spec.rate;
    const pick = schedule.next();
    if (!hit) return null;
    const upload = isUpload(req);
    const pool = (upload ? schedule.spec.uploadKinds : undefined) ?? schedule.spec.kinds ?? FAULT_KINDS;
    const kinds = pool.filter((kind) => kind !== 'resetUpload' || upload);
    return kinds.length > 0 ? kinds[Math.floor(pick * kinds.length)]! : null;
  }

  function answerItself(req: http.IncomingMessage, res: http.ServerResponse, status: number, headers: http.OutgoingHttpHeaders, body: unknown): void {
    // Read the whole body first: answering mid-upload would turn a clean 500 into a reset.
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(JSON.stringify(body));
    });
  }

  function forward(req: http.IncomingMessage, res: http.ServerResponse, fault: 'resetUpload' | 'loseResponse' | null): void {
    const upstream = http.request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: withoutHopByHop(req.headers),
    });
    upstream.on('error', () => res.socket?.destroy());
    req.on('error', () => upstream.destroy());
    res.on('close', () => {
      if (!res.writableFinished && fault !== 'loseResponse') upstream.destroy();
    });
    upstream.on('response', (answer) => {
      if (fault === 'loseResponse') {
        // The server has done the work; let its answer arrive, then lose it on the way back.
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(res);
    });
    if (fault !== 'resetUpload') {
      req.pipe(upstream);
      return;
    }
    const cutAt = Math.floor(Number(req.headers['content-length'] ?? 0) / 2);
    if (cutAt === 0) {
      upstream.destroy();
      req.socket.resetAndDestroy();
      return;
    }
    let passed = 0;
    req.on('data', (chunk: Buffer) => {
      const room = cutAt - passed;
      if (room > 0) upstream.write(room >= chunk.length ? chunk : chunk.subarray(0, room));
      passed += chunk.length;
      if (passed >= cutAt) {
        upstream.destroy();
        req.socket.resetAndDestroy();
      }
    });
  }

  async function refuseForAWhile(req: http.IncomingMessage): Promise<void> {
    req.socket.destroy();
    // Stop accepting at once; requests already being forwarded on other connections finish.
    server.close();
    server.closeIdleConnections();
    await new Promise((resolve) => setTimeout(resolve, refuseForMs));
    if (!closed) await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  }

  const server = http.createServer((req, res) => {
    stats.requests += 1;
    const fault = chooseFault(req);
    if (fault) {
      injected[fault] += 1;
      log.push({ kind: fault, method: req.method ?? '', path: req.url ?? '' });
    }
    switch (fault) {
      case 'refuse':
        void refuseForAWhile(req);
        return;
      case 'error500':
        answerItself(req, res, 500, {}, { code: 'internal_server_error', message: 'There has been a critical error on this website.', data: { status: 500 } });
        return;
      case 'rate429':
        answerItself(req, res, 429, { 'retry-after': String(retryAfterSeconds) }, { code: 'too_many_requests', message: 'Too many requests.', data: { status: 429 } });
        return;
      case 'timeout':
        req.resume(); // accepted, read, never answered: the client's own timeout must fire
        return;
      case 'resetUpload':
      case 'loseResponse':
        forward(req, res, fault);
        return;
      default:
        stats.forwarded += 1;
        forward(req, res, null);
    }
  });
  server.keepAliveTimeout = 2_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    injected,
    log,
    stats,
    addRule: (rule) => rules.push({ rule, seen: 0 }),
    setRandom,
    close: async () => {
      closed = true;
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
