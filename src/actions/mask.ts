/** What a value the reader may not see shows instead (src/actions/field-visibility.ts, src/actions/link-tokens.ts). */
export const MASK = '••••••';
