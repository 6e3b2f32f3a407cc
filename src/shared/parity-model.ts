/**
 * Non-production parity: Moveworks is first connected to a test desk or a sandbox
 * site, its ticketing configuration (statuses and buckets, the bot's transition ids,
 * the fields it sets on resolve) is tuned there, and the same configuration is then
 * used in production. These shapes say what of a desk that configuration depends on,
 * and how two desks differ. Read by the engine (PARITY-CONFIG), the CLI's `compare`,
 * the hand-off bundle and the dashboard's Parity page alike.
 */
import type { CheckStatus, ParityPair, StatusBucket } from './report-model';

export type BotRole = 'resolve' | 'inProgress' | 'reopen';
export const BOT_ROLES: readonly BotRole[] = ['resolve', 'inProgress', 'reopen'];
export const BOT_ROLE_LABELS: Record<BotRole, string> = { resolve: 'Resolve', inProgress: 'In Progress', reopen: 'Reopen' };

export interface ParityTransition {
  id: string;
  /** Null when the report recorded only the id. */
  name: string | null;
  /** The status it lands in; null when not recorded. */
  to: string | null;
}

/** One of the bot's transitions in one workflow. */
export interface ParityBotTransition {
  present: boolean;
  global: boolean;
  transitions: ParityTransition[];
}

export interface ParityWorkflow {
  name: string;
  issueTypes: { id: string; name?: string }[];
  statuses: { id: string; name: string; bucket: StatusBucket | null }[];
  bot: Record<BotRole, ParityBotTransition>;
  /**
   * The fields on the Resolve transitions' screens, as field id → name (over every
   * Resolve transition). Null when the report does not say (no screen read, or a
   * report made before screens were recorded); `resolveFieldsNote` then says why.
   */
  resolveFields: Record<string, string> | null;
  resolveFieldsNote?: string;
}

/** What parity compares of one desk, read from a report (this site's or an imported one). */
export interface ParityDesk {
  baseUrl: string;
  generatedAt: string;
  key: string;
  name: string;
  /** Every check of the desk and of its site, by id (PARITY-CONFIG itself left out). */
  checks: Record<string, { status: CheckStatus; summary: string }>;
  /** The in-scope workflows; null when the report holds no hand-off bundle for the desk (`workflowsNote` says why). */
  workflows: ParityWorkflow[] | null;
  workflowsNote?: string;
  /** Workflows or issue types the report could not read (so they are not compared). */
  unreadable: string[];
}

/** A non-production report imported in Settings, kept as only what parity needs. */
export interface ParitySource {
  baseUrl: string;
  generatedAt: string;
  importedAt: string;
  importedBy?: string;
  /** The imported file's name, as the admin chose it (shown, never trusted). */
  fileName?: string;
  desks: ParityDesk[];
}

export type ParityArea = 'desk' | 'workflow' | 'status' | 'bucket' | 'transition' | 'screen' | 'role' | 'check';
export type ParitySide = 'production' | 'non-production';

/** One compared item: the same on both sides, different, or not known on a side. */
export interface ParityItem {
  area: ParityArea;
  /** The workflows compared ("ITSD: Incident Workflow", or "A ↔ B" when the names differ). */
  workflow?: string;
  issueTypes?: string[];
  /** What is compared, e.g. 'Status "Waiting for support"', 'Resolve transition'. */
  subject: string;
  production: string;
  nonProduction: string;
  state: 'same' | 'different' | 'unknown';
  /** For a difference: what breaks in Moveworks if production goes live this way. */
  breaks?: string;
  /** For a difference: the side to change, and how. */
  fixOn?: ParitySide;
  remediation?: string;
}

export interface ParityComparison {
  production: { baseUrl: string; key: string; name: string; generatedAt: string };
  nonProduction: { baseUrl: string; key: string; name: string; generatedAt: string };
  /** True when nothing differs and nothing is unknown. */
  matches: boolean;
  /** Differences first, then what could not be compared, then what is the same. */
  items: ParityItem[];
  counts: { different: number; unknown: number; same: number };
}

/** What Settings shows of the imported non-production report. */
export interface ParityImportSummary {
  baseUrl: string;
  generatedAt: string;
  importedAt: string;
  importedBy?: string;
  fileName?: string;
  desks: { key: string; name: string }[];
}

/** One pair on the Parity page: its comparison, or why there is none yet. */
export interface ParityPairView {
  pair: ParityPair;
  comparison: ParityComparison | null;
  note?: string;
}

export interface ParityView {
  pairs: ParityPairView[];
  imported: ParityImportSummary | null;
}
