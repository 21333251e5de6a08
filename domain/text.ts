/** Rules for text that callers send (no I/O): what our columns, and PostgreSQL itself, can hold. */

export interface TextRule {
  /** In characters, counted as a varchar(n) column counts them. */
  maxLength: number;
  /** Free text over several lines: tab, line feed and carriage return are allowed. */
  multiline?: boolean;
}

/**
 * Text without a rule of its own reaches no column as it is (a code looked up, a search, a password to
 * hash, a page cursor, which takes some 860 characters in a list ordered by names): one line, and
 * bounded only against abuse.
 */
export const DEFAULT_TEXT_RULE: TextRule = { maxLength: 2000 };

// C0 control characters and DEL: PostgreSQL refuses NUL in text, and none of them belongs in a name or a code.
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BESIDES_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Half a surrogate pair alone is no character: neither UTF-8 nor a jsonb column can carry it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextProblem { code: 'INVALID' | 'TOO_LONG'; message: string }

/** What is wrong with `value` under `rule`, or null. */
export function textProblem(value: string, rule: TextRule): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return { code: 'INVALID', message: 'is not valid Unicode text' };
  if ((rule.multiline ? CONTROL_BESIDES_LINE_BREAKS : CONTROL).test(value)) {
    return { code: 'INVALID', message: rule.multiline ? 'must not contain control characters' : 'must be one line without control characters' };
  }
  if (value.length > rule.maxLength && [...value].length > rule.maxLength) return { code: 'TOO_LONG', message: `must be at most ${rule.maxLength} characters` };
  return null;
}
