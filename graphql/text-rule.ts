import { Extensions } from 'type-graphql';
import { DEFAULT_TEXT_RULE, type TextRule } from '@/domain/text';

/**
 * Declares what a text input field may hold: the length of the column it reaches, and whether it
 * spans lines. Read by `validateInputs` (input-validation.ts); every other String or ID input is
 * held to DEFAULT_TEXT_RULE.
 */
export function TextInput(rule: Partial<TextRule>): PropertyDecorator {
  return Extensions({ text: { ...DEFAULT_TEXT_RULE, ...rule } });
}

/** The rule of an input field or an argument, as declared with `@TextInput`. */
export function textRuleOf(field: { extensions?: Readonly<Record<string, unknown>> | null }): TextRule {
  return (field.extensions?.text as TextRule | undefined) ?? DEFAULT_TEXT_RULE;
}
