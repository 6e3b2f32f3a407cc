/**
 * A large site for the preview and its tests: the desks a real run stored, copied
 * under generated keys until the store holds `count` desks, each with its own name
 * and a share of them passing. The values are the stored shape the queue consumer
 * writes (`storableProject`), evidence and all, so the overview reads what it would
 * read on a site of that size.
 */
import type { KeyValueStore } from '../../src/forge/deps';
import { KEYS } from '../../src/forge/storage/keys';
import { loadProjects, type StoredProjectReport } from '../../src/forge/storage/report-repo';
import { summaryOf } from '../../src/forge/storage/overview-index';

const TEAMS = ['Payroll', 'Facilities', 'Legal', 'Travel', 'Benefits', 'Security', 'Hardware', 'Onboarding', 'Procurement', 'Finance'];

/** The generated key of desk number `i` (1-based): D0001…; project keys are upper-case letters and digits. */
export function generatedKey(i: number): string {
  return `D${String(i).padStart(4, '0')}`;
}

/**
 * Fills the store with generated desks copied from the desks already stored (a demo
 * run's), so it holds `count` desks in all. Every third generated desk passes every
 * check it could decide, so the overview has both kinds to sort and filter.
 */
export async function seedLargeSite(store: KeyValueStore, count: number): Promise<string[]> {
  const templates = await loadProjects(store);
  if (templates.length === 0) throw new Error('Seed a large site after a first run has stored its desks.');
  const keys: string[] = [];
  for (let i = 1; keys.length + templates.length < count; i++) {
    const template = templates[i % templates.length];
    const key = generatedKey(i);
    const passing = i % 3 === 0;
    const desk: StoredProjectReport = {
      ...template,
      key,
      id: String(20000 + i),
      name: `${TEAMS[i % TEAMS.length]} desk ${i}`,
      checks: template.checks.map((c) => (passing && (c.status === 'fail' || c.status === 'error') ? { ...c, status: 'pass', summary: `${c.id} holds.` } : c)),
    };
    // As the queue consumer stores a desk: the whole report and the overview's summary of it.
    await store.set(KEYS.projectReport(key), desk);
    await store.set(KEYS.projectSummary(key), summaryOf(desk));
    keys.push(key);
  }
  return keys;
}
