/**
 * Pages of one JSM list read ahead of the page its chain waits for.
 *
 * JSM lists (a desk's customers) carry no total, so their pages are read one after
 * another, and near a run's end a few long chains alone cannot fill the rate Jira
 * accepts. A list that has come back in several full pages sits at known offsets
 * (each page starts a page size after the one before), so its next pages can be
 * asked for beside the one it waits for. They are speculative: they wait behind
 * every other call (see `aheadPriority`), are sent only by a client that is the
 * site's one caller and only under a pace the endpoint's gate learned from Jira
 * (JiraClient's `Speculation` and `readAhead`), and are cancelled unsent when the
 * list ends; only those already sent past its end are wasted, one call each.
 */
import type { Priority } from './concurrency';
import { RequestNotSent, type Speculation } from './jira-client';

/** Below every page's own priority (its page number, at most PEOPLE_MAX_PAGES). */
const AHEAD_STEP = -1_000_000;

/**
 * A page `depth` pages ahead of the one its chain waits for (page `awaited`): after
 * every page someone waits for, the nearest pages ahead first, and among those the
 * longest chain's.
 */
export function aheadPriority(depth: number, awaited: number): number {
  return depth * AHEAD_STEP + awaited;
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

class PageRead implements Speculation {
  cancelled = false;
  readonly result: Promise<Settled>;

  constructor(
    public speculative: boolean,
    read: (self: PageRead) => Promise<unknown>,
  ) {
    // Settled at once, so a page never taken (cancelled, failed past the end) is no unhandled rejection.
    this.result = read(this).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    );
  }
}

/** Reads page `pageNo` at `offset` with the priority and speculation given. */
export type PageReader = (pageNo: number, offset: number, priority: Priority, speculation: Speculation) => Promise<unknown>;

export class ReadAhead {
  private readonly reads = new Map<number, PageRead>();
  /** The page the chain waits for, or will wait for next. */
  private awaited = 0;

  constructor(private readonly read: PageReader) {}

  /** Asks for page `pageNo` at `offset` unless already asked for; a page the chain will need is not speculative. */
  ask(pageNo: number, offset: number, speculative: boolean): void {
    const known = this.reads.get(pageNo);
    if (known) {
      if (!speculative) known.speculative = false;
      return;
    }
    this.reads.set(
      pageNo,
      new PageRead(speculative, (self) => this.read(pageNo, offset, () => (self.speculative ? aheadPriority(pageNo - this.awaited, this.awaited) : pageNo), self)),
    );
  }

  /**
   * The chain now waits for page `pageNo`: its answer when it was asked for, else
   * undefined (read it now). A page asked for but never sent is read now too.
   */
  async take(pageNo: number): Promise<{ value: unknown } | undefined> {
    this.awaited = pageNo;
    const read = this.reads.get(pageNo);
    if (!read) return undefined;
    this.reads.delete(pageNo);
    read.speculative = false;
    const settled = await read.result;
    if (settled.ok) return { value: settled.value };
    if (settled.error instanceof RequestNotSent) return undefined;
    throw settled.error;
  }

  /** Whether page `pageNo` was asked for and not taken yet. */
  asked(pageNo: number): boolean {
    return this.reads.has(pageNo);
  }

  /** Nothing asked for is needed any more: what is not sent yet never is. */
  cancel(): void {
    for (const read of this.reads.values()) read.cancelled = true;
    this.reads.clear();
  }
}
