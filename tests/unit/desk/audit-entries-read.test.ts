import { describe, expect, it } from 'vitest';
import { auditResponseSchema, deskAuditPageSchema } from '../../../shared/desk/audit';

// The app reads the desk's log as the desk sends it. A desk upgraded before this app may log a step
// this app has no name for: its sentence is still shown, and the rest of the log with it.

const entry = (action: string) => ({ id: '7', storyId: 's-1', at: '2026-12-07T10:00:00.000Z', who: 'Pat Publisher', action, summary: 'Pat Publisher did a new thing.' });

describe('reading the desk audit log', () => {
  it('keeps an entry whose step this app does not know, with its sentence', () => {
    const page = deskAuditPageSchema.parse({ entries: [entry('status'), entry('embargo-lifted')], more: false });
    expect(page.entries.map((item) => [item.action, item.summary])).toEqual([
      ['status', 'Pat Publisher did a new thing.'],
      ['embargo-lifted', 'Pat Publisher did a new thing.'],
    ]);
    expect(auditResponseSchema.parse({ entries: [entry('timing-refused')] }).entries).toHaveLength(1);
  });

  it('refuses a step name that is not a plain word (it becomes a class name in the page)', () => {
    for (const action of ['', 'x" onclick="alert(1)', 'Status', 'a'.repeat(41), 'status refused']) {
      expect(deskAuditPageSchema.safeParse({ entries: [entry(action)], more: false }).success).toBe(false);
    }
  });
});
