/**
 * A block of a check page's prose as the dashboard shows it: plain text in which `code`
 * spans are kept. src/requirements/check-docs.ts renders them from docs/checks.
 */
export type DocBlock = { kind: 'paragraph'; text: string } | { kind: 'quote'; text: string } | { kind: 'list'; items: string[] };
