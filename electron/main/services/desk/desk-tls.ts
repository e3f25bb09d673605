import * as tls from 'node:tls';
import { messageOf } from '../../../../shared/model/errors';

/**
 * The certificate authorities the desk's websockets trust. They are Node's (ws), so `wss://` is
 * checked against Node's bundled list only, while the app's HTTP calls (Chromium's stack) trust
 * the OS store: a newsroom's own authority, installed in the OS, would be trusted by one and not
 * the other. The websockets are given Node's default list plus the OS store's.
 *
 * The OS store is read by `tls.getCACertificates('system')` (Node ≥ 22.15; Electron 45's main runs
 * Node 24). Caveats, hence read lazily at the first secure connection, once, and never fatal:
 * - Electron before the backport of electron/electron#49028 (Node's nodejs/node#60787) could crash
 *   on a system certificate that does not decode; newer builds skip such certificates.
 * - On Windows the call can throw when the store holds a certificate it cannot convert
 *   (nodejs/node#61636): the desk then falls back to Node's list and says so once.
 * - On macOS the read can take seconds behind a network filter (nodejs/node#63313): it is
 *   synchronous on main's event loop, so it happens once, when the desk is first reached.
 * - Node's `--use-system-ca` would do this process-wide, but main takes Node's options only from
 *   NODE_OPTIONS, which the app's fuses turn off (build/electron-builder.yml): the list is given
 *   to each connection instead.
 */
export type SystemCertificates = () => readonly string[];

type CaReader = (type: 'default' | 'system') => string[];
const caReader = (tls as { getCACertificates?: CaReader }).getCACertificates;

/** Node's reader of the OS store where Node has one (not Node 20: tests pass their own list). */
export const nodeSystemCertificates: SystemCertificates | undefined = caReader ? () => caReader('system') : undefined;

/** What the desk's websockets trust, read at the first call: undefined means Node's own default. */
export type DeskTrust = () => tls.SecureContext | undefined;

export function deskTrust(system: SystemCertificates | undefined, warn: (message: string) => void): DeskTrust {
  let read = false;
  let context: tls.SecureContext | undefined;
  return () => {
    if (read || !system) return context;
    read = true;
    try {
      // One context for every connection: parsing a few hundred certificates per connection is not free.
      context = tls.createSecureContext({ ca: [...(caReader ? caReader('default') : tls.rootCertificates), ...system()] });
    } catch (error) {
      warn(`The system's certificates could not be read (${messageOf(error)}); the desk's secure connections trust Node's own list only.`);
    }
    return context;
  };
}

/** OpenSSL's codes (as Node names them) for a certificate chain that does not lead to a trusted authority. */
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE',
]);

/**
 * A secure connection's refusal of the desk's certificate, in words for Preferences › Desk
 * ("The last try to reach … failed (…)"); any other failure is passed on as it is.
 */
export function certificateFailure(error: Error): Error {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  const words = UNTRUSTED.has(code)
    ? "the desk's certificate is not trusted by this computer: the authority that signed it is not among the system's certificates"
    : code === 'ERR_TLS_CERT_ALTNAME_INVALID'
      ? "the desk's certificate is not made out for this address"
      : code === 'CERT_HAS_EXPIRED'
        ? "the desk's certificate has expired"
        : code === 'CERT_NOT_YET_VALID'
          ? "the desk's certificate is not valid yet: check this computer's clock"
          : null;
  return words === null ? error : new Error(`${words} [${code}]`, { cause: error });
}
