import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { SCHEMA_STATEMENTS } from './schema';

/** The little the desk server needs of a SQL database; PostgreSQL and PGlite both provide it. */
export interface DeskDatabase {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /**
   * For the write-ahead of updates: done once PostgreSQL holds the rows, before its WAL reaches
   * the disk (synchronous_commit off, one round trip). A killed desk server loses nothing; a crash
   * of PostgreSQL itself loses at most its last fraction of a second, atomically, and the editors'
   * own copies send it again on reconnect. An fsync per batch made a busy desk's latency climb.
   */
  appendQuery(sql: string, params: unknown[]): Promise<void>;
  /** Runs `work` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(work: (query: DeskDatabase['query']) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** For messages: "PostgreSQL at …" or "embedded PGlite in …". */
  readonly description: string;
}

async function postgres(url: string): Promise<DeskDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const appendPool = new pg.Pool({ connectionString: url, max: 2, options: '-c synchronous_commit=off' });
  // An idle connection dropped by the server must not crash the process.
  pool.on('error', () => undefined);
  appendPool.on('error', () => undefined);
  const query = async <Row>(sql: string, params: unknown[] = []): Promise<Row[]> =>
    (await pool.query(sql, params)).rows as Row[];
  return {
    description: `PostgreSQL at ${url.replace(/\/\/[^@/]*@/, '//…@')}`,
    query,
    appendQuery: async (sql, params) => void (await appendPool.query(sql, params)),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(async <Row>(sql: string, params: unknown[] = []) =>
          (await client.query(sql, params)).rows as Row[]);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), appendPool.end()]);
    },
  };
}

async function embedded(dataDir: string): Promise<DeskDatabase> {
  const db = await PGlite.create(dataDir);
  const query = async <Row>(sql: string, params: unknown[] = []): Promise<Row[]> =>
    (await db.query<Row>(sql, params)).rows;
  return {
    description: `embedded PGlite in ${dataDir}`,
    query,
    appendQuery: async (sql, params) => void (await db.query(sql, params)),
    transaction: (work) =>
      db.transaction(async (tx) => work(async <Row>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows)),
    close: () => db.close(),
  };
}

/**
 * PostgreSQL when `url` is a postgres:// address, otherwise PGlite in `dataDir` (no setup: the
 * one-machine desk). The schema is applied either way.
 */
export async function openDeskDatabase(options: { url?: string | undefined; dataDir: string }): Promise<DeskDatabase> {
  const url = options.url?.trim();
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DESK_DATABASE_URL must start with postgres:// (got "${url.slice(0, 40)}").`);
  }
  const db = url ? await postgres(url) : await embedded(options.dataDir);
  for (const statement of SCHEMA_STATEMENTS) await db.query(statement);
  return db;
}
