/**
 * The end-user groups of one run, stored once so every per-desk job of the run can
 * use them instead of paging Jira again (20,000 members are 400 calls per job).
 * Members are split into chunks kept under kvs's value limit (240 KiB); the
 * manifest is written last, so a reader that finds it finds every chunk it names.
 * Only groups that were read in full are stored: a group that failed is read again
 * by each job, which then reports its own error.
 */
import type { GroupMembers, UserRef } from '../../gather/snapshot';
import type { KeyValueStore } from '../deps';
import { KEYS } from './keys';

/** Well under kvs's 240 KiB per value, with room for the JSON wrapper. */
export const CHUNK_MAX_BYTES = 190 * 1024;

export interface RunGroupsManifest {
  /** Set once the run has finished and its chunks were dropped: jobs arriving late read for themselves. */
  dropped?: true;
  groups: { name: string; chunks: number; members: number }[];
}

interface Chunk {
  members: UserRef[];
}

/** Pure: members split in order into chunks whose JSON stays under `maxBytes`. */
export function chunkMembers(members: readonly UserRef[], maxBytes = CHUNK_MAX_BYTES): UserRef[][] {
  const chunks: UserRef[][] = [];
  let current: UserRef[] = [];
  // '{"members":[]}' plus one comma per member.
  const wrapper = 14;
  let size = wrapper;
  for (const member of members) {
    const bytes = Buffer.byteLength(JSON.stringify(member), 'utf8') + 1;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = wrapper;
    }
    current.push(member);
    size += bytes;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** Stores the groups (chunks first, manifest last). */
export async function storeRunGroups(store: KeyValueStore, runId: string, groups: readonly GroupMembers[], maxBytes = CHUNK_MAX_BYTES): Promise<void> {
  const manifest: RunGroupsManifest = { groups: [] };
  for (const [g, group] of groups.entries()) {
    const chunks = chunkMembers(group.members, maxBytes);
    for (const [c, members] of chunks.entries()) await store.set<Chunk>(KEYS.runGroupsChunk(runId, g, c), { members });
    manifest.groups.push({ name: group.name, chunks: chunks.length, members: group.members.length });
  }
  await store.set(KEYS.runGroupsManifest(runId), manifest);
}

export async function loadRunGroupsManifest(store: KeyValueStore, runId: string): Promise<RunGroupsManifest | undefined> {
  return store.get<RunGroupsManifest>(KEYS.runGroupsManifest(runId));
}

/**
 * The stored groups among `names`, each whole or not at all: a missing chunk or a
 * member count that does not add up leaves that group out, so the job reads it.
 */
export async function loadRunGroups(store: KeyValueStore, runId: string, manifest: RunGroupsManifest, names: readonly string[]): Promise<GroupMembers[]> {
  const out: GroupMembers[] = [];
  for (const [g, entry] of manifest.groups.entries()) {
    if (!names.includes(entry.name)) continue;
    const members: UserRef[] = [];
    let whole = true;
    for (let c = 0; c < entry.chunks && whole; c += 1) {
      const chunk = await store.get<Chunk>(KEYS.runGroupsChunk(runId, g, c));
      if (!chunk || !Array.isArray(chunk.members)) whole = false;
      else members.push(...chunk.members);
    }
    if (whole && members.length === entry.members) out.push({ name: entry.name, members });
  }
  return out;
}

/** Drops the run's chunks and leaves a manifest saying so (the claim stays, so no late job stores them again). */
export async function dropRunGroups(store: KeyValueStore, runId: string): Promise<void> {
  const manifest = await loadRunGroupsManifest(store, runId);
  if (!manifest || manifest.dropped) return;
  await store.set<RunGroupsManifest>(KEYS.runGroupsManifest(runId), { dropped: true, groups: [] });
  for (const [g, entry] of manifest.groups.entries()) {
    for (let c = 0; c < entry.chunks; c += 1) await store.delete(KEYS.runGroupsChunk(runId, g, c));
  }
}
