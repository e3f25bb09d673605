import type { z } from 'zod';
import { CreditStyle } from '../model/settings';

/**
 * Checks a credit style typed into the settings dialog. The zod schema says what can be stored;
 * these checks add what would make the desk's credits wrong without being invalid data: unknown
 * placeholders ("{name}"), a default pattern that names neither creator nor agency, and two rules
 * or aliases for the same agency (only the first would ever apply).
 */

/** Field errors keyed by path: "pattern", "agencyRules.0.agency", "aliases.2.to". */
export type CreditStyleErrors = Record<string, string>;

export type CreditStyleCheck = { ok: true; style: CreditStyle } | { ok: false; errors: CreditStyleErrors };

const KNOWN_PLACEHOLDERS = new Set(['{creator}', '{agency}']);

/** What is wrong with one pattern's placeholders, or null. */
export function patternProblem(pattern: string): string | null {
  const unknown = (pattern.match(/\{[^{}]*\}/g) ?? []).filter((placeholder) => !KNOWN_PLACEHOLDERS.has(placeholder.toLowerCase()));
  if (unknown.length > 0) return `Unknown placeholder ${unknown[0]}: use {creator} or {agency}.`;
  if (/[{}]/.test(pattern.replace(/\{(?:creator|agency)\}/gi, ''))) return 'A brace is not closed: write {creator} or {agency}.';
  return null;
}

function firstMessage(path: string, errors: CreditStyleErrors, message: string): void {
  if (!(path in errors)) errors[path] = message;
}

function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  values.forEach((value, index) => {
    const key = value.trim().toLowerCase();
    if (seen.has(key)) repeated.push(index);
    seen.add(key);
  });
  return repeated;
}

function readableMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small') return 'Required.';
  if (issue.code === 'too_big') {
    return issue.origin === 'string' ? `At most ${issue.maximum} characters.` : `At most ${issue.maximum} entries.`;
  }
  return issue.message;
}

/** The style ready to store, or an error message per field. */
export function checkCreditStyle(input: unknown): CreditStyleCheck {
  const errors: CreditStyleErrors = {};
  const parsed = CreditStyle.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      firstMessage(issue.path.join('.'), errors, readableMessage(issue));
    }
    return { ok: false, errors };
  }
  const style = parsed.data;
  const patterns: [string, string][] = [
    ['pattern', style.pattern],
    ['handoutPattern', style.handoutPattern],
    ...style.agencyRules.map((rule, index): [string, string] => [`agencyRules.${index}.pattern`, rule.pattern]),
  ];
  for (const [path, pattern] of patterns) {
    const problem = patternProblem(pattern);
    if (problem) firstMessage(path, errors, problem);
  }
  if (!/\{(?:creator|agency)\}/i.test(style.pattern)) {
    firstMessage('pattern', errors, 'The pattern needs {creator}, {agency} or both, or every photo gets the same credit.');
  }
  for (const index of duplicates(style.agencyRules.map((rule) => rule.agency))) {
    firstMessage(`agencyRules.${index}.agency`, errors, 'This agency already has a rule above.');
  }
  for (const index of duplicates(style.aliases.map((alias) => alias.from))) {
    firstMessage(`aliases.${index}.from`, errors, 'This name already has an alias above.');
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, style };
}
