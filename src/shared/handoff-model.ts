/**
 * The parts of WF-EXPORT's evidence that the check writes and the hand-off bundle
 * reads back from a stored report: declared once, below both layers.
 */
import type { StatusBucket } from './report-model';

/** How a transition is named in evidence and in the hand-off: id, name, from, to. */
export interface TransitionRef {
  id: string;
  name: string;
  type: 'INITIAL' | 'GLOBAL' | 'DIRECTED';
  from: string[] | 'any';
  to: string | null;
  toBucket: StatusBucket | null;
}

/** One transition the bot fires, as its configuration names it: id, name and the status it lands in. */
export interface HandoffBotTransition {
  id: string;
  name: string;
  to: string | null;
  toBucket: StatusBucket | null;
}

/**
 * The screen of one Resolve transition: the fields Moveworks can set when it resolves.
 * `fieldIds` is null when there is no screen (`screenId` null) or it could not be read (`reason`).
 */
export interface HandoffResolveScreen {
  transitionId: string;
  screenId: string | null;
  fieldIds: string[] | null;
  /** Field id → name, for the fields on the screen. */
  fieldNames?: Record<string, string>;
  reason?: string;
}
