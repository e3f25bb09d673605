/** What the sign-in form checks before asking main, so a slip is said in the form's words. */
export interface SignInFields {
  serverUrl: string;
  email: string;
  password: string;
}

/** The first problem with the fields as a sentence, or null when they can be sent. */
export function signInProblem(fields: SignInFields): string | null {
  const address = fields.serverUrl.trim();
  if (address === '') return 'Enter the desk server’s address (the one its administrator gave you).';
  let url: URL | null = null;
  try {
    url = new URL(address);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return 'The desk server’s address starts with http:// or https:// (for example https://desk.example.org).';
  }
  if (url.username || url.password) return 'Leave the password out of the address: type it in the Password field.';
  if (fields.email.trim().length < 3 || !fields.email.includes('@')) return 'Enter the email address of your desk account.';
  if (fields.password === '') return 'Enter your password.';
  return null;
}
