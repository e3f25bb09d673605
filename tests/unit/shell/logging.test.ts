import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOG_MAX_BYTES, MAX_ENTRY_CHARS, cleanLogText, createAppLog } from '../../../electron/main/desktop/logging';
import { redactSecrets } from '../../../electron/main/desktop/redact';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-logs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('redaction', () => {
  it.each([
    ['Authorization: Basic ZWRpdG9yOnNlY3JldC1wYXNz', 'ZWRpdG9yOnNlY3JldC1wYXNz'],
    ['headers {"authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"}', 'eyJhbGciOiJIUzI1NiJ9'],
    ['request failed: Bearer abcdef123456', 'abcdef123456'],
    ['app password abcd EFGH 1234 ijkl MNOP 5678 refused', 'abcd EFGH 1234 ijkl MNOP 5678'],
    ['GET https://cms.example/wp-json/wp/v2/posts?token=s3cr3t-value&page=2', 's3cr3t-value'],
    ['POST /login password=hunter22&user=ed', 'hunter22'],
    ['{"password": "correct horse"}', 'correct horse'],
    ['fetching https://editor:pa55word@cms.example/feed', 'pa55word'],
  ])('takes the secret out of %s', (line, secret) => {
    const out = redactSecrets(line);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('leaves ordinary lines alone', () => {
    const line = 'Publish job job-1234 for article article-0001 ended done; notified';
    expect(redactSecrets(line)).toBe(line);
  });

  it('cuts one huge entry (no whole article text in the file) and redacts errors and objects', () => {
    expect(cleanLogText('x'.repeat(10_000)).length).toBeLessThan(MAX_ENTRY_CHARS + 60);
    expect(cleanLogText(new Error('401 for Bearer abcdefghijk'))).not.toContain('abcdefghijk');
    expect(cleanLogText({ headers: { Authorization: 'Basic dXNlcjpwYXNz' } })).not.toContain('dXNlcjpwYXNz');
  });
});

describe('log file', () => {
  it('writes info lines with secrets redacted', () => {
    const log = createAppLog({ dir });
    log.info('Connecting with Authorization: Bearer tok_live_1234567890');
    log.warn('Site refused application password aaaa bbbb cccc dddd eeee ffff');
    const text = readFileSync(log.filePath, 'utf8');
    expect(log.filePath).toBe(join(dir, 'main.log'));
    expect(text).toContain('[info]');
    expect(text).toContain('[warn]');
    expect(text).not.toContain('tok_live_1234567890');
    expect(text).not.toContain('aaaa bbbb');
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('rotates past the size limit, keeping the previous file as main.old.log', () => {
    expect(LOG_MAX_BYTES).toBe(1024 * 1024);
    const log = createAppLog({ dir, maxSize: 4096 });
    for (let i = 0; i < 200; i += 1) log.info(`line ${i} ${'·'.repeat(40)}`);
    const old = join(dir, 'main.old.log');
    expect(existsSync(old)).toBe(true);
    expect(statSync(log.filePath).size).toBeLessThanOrEqual(4096 + 200);
    expect(readFileSync(log.filePath, 'utf8')).toContain('line 199');
  });
});
