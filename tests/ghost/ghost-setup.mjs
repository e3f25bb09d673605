// Creates the owner of a fresh Ghost and a custom integration; prints the Admin API key (id:secret).
// Staff sessions need an Origin header; the integration's admin key is already "id:secret".
const url = process.env.GHOST_URL;
const api = `${url}/ghost/api/admin`;
const headers = { 'Content-Type': 'application/json', Origin: url };
// Ghost refuses passwords containing "password" as insecure.
const secret = `T${crypto.randomUUID()}!`;

async function call(method, path, body, extra = {}) {
  const response = await fetch(api + path, { method, headers: { ...headers, ...extra }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  // POST /session/ answers with the plain word "Created".
  let parsed = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { response, body: parsed };
}

await call('POST', '/authentication/setup/', { setup: [{ name: 'Test Owner', email: 'owner@example.com', password: secret, blogTitle: 'Test Blog' }] });
const { response } = await call('POST', '/session/', { username: 'owner@example.com', password: secret });
const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
const { body } = await call('POST', '/integrations/?include=api_keys', { integrations: [{ name: 'Newsdesk tests' }] }, { Cookie: cookie });
console.log(body.integrations[0].api_keys.find((key) => key.type === 'admin').secret);
