/**
 * Takes out of a log line anything that looks like a credential, whatever code wrote it: the
 * publishing layer talks to CMSs with Basic and Bearer credentials, WordPress application passwords
 * ("abcd efgh ijkl mnop qrst uvwx") and API tokens in query strings. Redacting more than needed is
 * fine; a secret in a log file that users attach to support tickets is not.
 */
const REDACTED = '[redacted]';

const RULES: [RegExp, string][] = [
  // Header lines and JSON or object fields named like credentials, up to the end of the value.
  [/\b(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-auth-token)(["']?\s*[:=]\s*["']?)[^"'\r\n,}]*/gi, `$1$2${REDACTED}`],
  [/(["']?)\b(password|passwd|secret|token|access_token|refresh_token|api_?key|client_secret|app_?password|application_password)\1(\s*[:=]\s*)(["'])(?:[^"'\\]|\\.)*\4/gi, `$1$2$1$3$4${REDACTED}$4`],
  // Scheme + credential wherever it appears on its own.
  [/\b(Basic|Bearer|Token|Digest)\s+[A-Za-z0-9._~+/=-]{6,}/g, `$1 ${REDACTED}`],
  // name=value pairs in URLs and form bodies.
  [/([?&;\s]|^)(token|access_token|refresh_token|password|passwd|pwd|secret|api_?key|apikey|key|auth|sig|signature|client_secret)=[^&\s"'#]*/gi, `$1$2=${REDACTED}`],
  // Credentials in a URL: https://user:password@host.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, `$1${REDACTED}@`],
  // WordPress application passwords: six groups of four letters or digits.
  [/\b[A-Za-z0-9]{4}(?: [A-Za-z0-9]{4}){5}\b/g, REDACTED],
  // The same, typed without spaces, and other long opaque tokens (JWTs, API keys).
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, REDACTED],
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
