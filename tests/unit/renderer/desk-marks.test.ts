import { describe, expect, it } from 'vitest';
import type { DeskStatus } from '../../../shared/model/desk';
import { connectionLabel, isSignedIn } from '../../../renderer/src/features/desk/desk-labels';
import { initialsInk, initialsOf, presenceColor, snippetParts } from '../../../renderer/src/features/desk/presence-marks';
import { signInProblem } from '../../../renderer/src/features/desk/sign-in-form';

const base: DeskStatus = { state: 'signed-out', serverUrl: null, user: null, desk: null, unsyncedStories: 0, message: null };
const on = (patch: Partial<DeskStatus>): DeskStatus => ({
  ...base,
  serverUrl: 'https://desk.example.org',
  user: { id: 'u1', name: 'Ana López', email: 'ana@example.org', role: 'editor' },
  desk: { id: 'metro', name: 'Metro desk' },
  ...patch,
});

describe('the desk connection in words', () => {
  it('names each state as the status strip shows it', () => {
    expect(connectionLabel(base)).toMatchObject({ text: 'Signed out', tone: 'off' });
    expect(connectionLabel(on({ state: 'connecting' }))).toMatchObject({ text: 'Connecting…', tone: 'pending' });
    expect(connectionLabel(on({ state: 'connected' }))).toMatchObject({ text: 'Connected to Metro desk', tone: 'ok' });
    expect(connectionLabel(null)).toMatchObject({ tone: 'pending' });
  });

  it('offline, says that changes will sync and how many stories wait (one story, several, none)', () => {
    expect(connectionLabel(on({ state: 'offline', unsyncedStories: 1 })).text).toBe('Offline — changes will sync (1 story)');
    expect(connectionLabel(on({ state: 'offline', unsyncedStories: 12 })).text).toBe('Offline — changes will sync (12 stories)');
    expect(connectionLabel(on({ state: 'offline', unsyncedStories: 0 })).text).toBe('Offline — changes will sync');
  });

  it('keeps main’s message (an expired session) in the longer sentence', () => {
    const expired = connectionLabel({ ...base, message: 'Signed out: your desk session expired.' });
    expect(expired.detail).toContain('your desk session expired');
  });

  it('falls back to the server address when the desk has no name yet', () => {
    expect(connectionLabel(on({ state: 'connected', desk: null })).text).toBe('Connected to https://desk.example.org');
  });

  it('counts connecting and offline as signed in, signed out and unknown as not', () => {
    expect([base, on({ state: 'connecting' }), on({ state: 'connected' }), on({ state: 'offline' }), null].map(isSignedIn)).toEqual([false, true, true, true, false]);
  });
});

describe('presence marks', () => {
  it('take the first letters of the first and last names', () => {
    expect(initialsOf('Ana María López')).toBe('AL');
    expect(initialsOf('  chidi  ')).toBe('C');
    expect(initialsOf('')).toBe('?');
    expect(initialsOf('Émile Zola')).toBe('ÉZ');
  });

  it('keep a letter outside the BMP whole', () => {
    expect(initialsOf('𝒜da Byron')).toBe('𝒜B');
  });

  it('draw only plain hex colours; anything else from the desk is grey', () => {
    expect(presenceColor('#2F7D4F')).toBe('#2f7d4f');
    expect(presenceColor('#abc')).toBe('#abc');
    for (const hostile of ['red', 'url(javascript:alert(1))', '#12345', 'var(--x)', '#1234567']) expect(presenceColor(hostile)).toBe('#6b7280');
  });

  it('write initials in black on light colours and white on dark ones', () => {
    expect(initialsInk('#f2c14e')).toBe('#000000');
    expect(initialsInk('#ffffff')).toBe('#000000');
    expect(initialsInk('#2457c5')).toBe('#ffffff');
    expect(initialsInk('#000')).toBe('#ffffff');
  });
});

describe('archive snippets', () => {
  it('mark the words the server put between <b> and </b>', () => {
    expect(snippetParts('The port raises <b>harbour</b> dues')).toEqual([
      { text: 'The port raises ', hit: false },
      { text: 'harbour', hit: true },
      { text: ' dues', hit: false },
    ]);
  });

  it('leave any other markup as literal text', () => {
    expect(snippetParts('<img src=x onerror=alert(1)> <b>fire</b>')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', hit: false },
      { text: 'fire', hit: true },
    ]);
  });
});

describe('the sign-in form', () => {
  const good = { serverUrl: 'https://desk.example.org', email: 'ana@example.org', password: 'secret' };

  it('lets good fields through', () => {
    expect(signInProblem(good)).toBeNull();
    expect(signInProblem({ ...good, serverUrl: 'http://127.0.0.1:8080' })).toBeNull();
  });

  it('names the first problem in words', () => {
    expect(signInProblem({ ...good, serverUrl: '' })).toMatch(/address/);
    expect(signInProblem({ ...good, serverUrl: 'desk.example.org' })).toMatch(/http:\/\/ or https:\/\//);
    expect(signInProblem({ ...good, serverUrl: 'ftp://desk.example.org' })).toMatch(/http:\/\/ or https:\/\//);
    expect(signInProblem({ ...good, serverUrl: 'https://ana:secret@desk.example.org' })).toMatch(/Leave the password out of the address/);
    expect(signInProblem({ ...good, email: 'ana' })).toMatch(/email/);
    expect(signInProblem({ ...good, password: '' })).toBe('Enter your password.');
  });
});
