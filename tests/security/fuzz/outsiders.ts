import fc from 'fast-check';
import type { CallerFrame } from '../../../electron/main/ipc/dispatcher';
import { CHANNELS, isChannel } from '../../../shared/ipc/contract';
import { HUGE_STRING, hostileValue, nearMisses } from './hostile-values';

/** Calls from outside the contract: channel names it does not have, and frames the app does not trust. */

export const TRUSTED_ORIGINS = ['app://newsdesk'] as const;
export const TRUSTED_CALLER: CallerFrame = { url: 'app://newsdesk/index.html', isMainFrame: true };

/** Anything but a channel of the contract: other types, near misses, prototype names, a megabyte. */
export const notAChannel: fc.Arbitrary<unknown> = fc
  .oneof(
    hostileValue,
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom<unknown>(
      ...CHANNELS.flatMap((channel) => nearMisses(channel)),
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
      'valueOf',
      'fs:readFile',
      'shell:openPath',
      'drafts:*',
      'drafts:get\u0000',
      HUGE_STRING,
      new String('drafts:get'),
      ['drafts:get'],
    ),
  )
  .filter((channel) => !isChannel(channel));

/** Pages that are not the app's own, each of which must be refused whatever it asks. */
const FOREIGN_URLS = [
  'https://evil.example/',
  'http://newsdesk/index.html',
  'https://newsdesk/index.html',
  'app://newsdesk.evil.example/index.html',
  'app://evilnewsdesk/index.html',
  'app://newsdesk:8080/index.html',
  'app:///newsdesk/index.html',
  'file:///index.html',
  'file:///C:/Users/desk/index.html',
  'about:blank',
  'about:srcdoc',
  'data:text/html,<script>1</script>',
  'blob:app://evil/1234',
  'devtools://devtools/bundled/inspector.html',
  'chrome-extension://abcdefghijklmnop/index.html',
  'javascript:alert(1)',
  'null',
  '',
];

/** A calling frame the dispatcher must refuse: a foreign page, the app in a subframe, or no proper frame at all. */
export const untrustedCaller: fc.Arbitrary<CallerFrame> = fc.oneof(
  fc.record({ url: fc.constantFrom(...FOREIGN_URLS), isMainFrame: fc.boolean() }),
  fc.record({ url: fc.webUrl(), isMainFrame: fc.boolean() }),
  fc.record({ url: fc.constantFrom('app://newsdesk/index.html', 'app://newsdesk/'), isMainFrame: fc.constant(false) }),
  fc.constantFrom<unknown>(
    null,
    undefined,
    {},
    { url: 'app://newsdesk/index.html' },
    { url: 'app://newsdesk/index.html', isMainFrame: 'true' },
    { url: 'app://newsdesk/index.html', isMainFrame: 1 },
    { url: new URL('app://newsdesk/index.html'), isMainFrame: true },
    { url: 42, isMainFrame: true },
  ) as fc.Arbitrary<CallerFrame>,
);
