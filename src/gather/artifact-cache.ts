/**
 * Per-run memo of in-flight and finished fetches, keyed by artifact ("screen:10001",
 * "group:all-staff"), so an artifact shared by many projects is read once even when
 * the projects ask for it at the same time.
 */
export class ArtifactCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  once<T>(key: string, fetch: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = fetch();
      this.entries.set(key, entry);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}
