/**
 * Everything a run shows or keeps, gathered in one place so a test can search it
 * for a secret: written text, files, stored values, log calls, errors.
 */
export class Capture {
  private readonly parts: { source: string; text: string }[] = [];

  add(source: string, value: unknown): void {
    this.parts.push({ source, text: typeof value === 'string' ? value : safeJson(value) });
  }

  addError(source: string, error: unknown): void {
    if (error instanceof Error) {
      this.add(`${source} (message)`, error.message);
      this.add(`${source} (stack)`, error.stack ?? '');
      this.add(`${source} (String)`, String(error));
      this.add(`${source} (JSON)`, { ...error });
      if ('cause' in error && error.cause !== undefined) this.addError(`${source} (cause)`, error.cause);
    } else this.add(source, error);
  }

  writer(source: string): { write(chunk: string): boolean } {
    return {
      write: (chunk: string) => {
        this.add(source, chunk);
        return true;
      },
    };
  }

  /** Sources whose text contains any of the needles, with the needle's label. */
  findAll(needles: Record<string, string>): string[] {
    const hits: string[] = [];
    for (const part of this.parts) for (const [label, needle] of Object.entries(needles)) if (needle && part.text.includes(needle)) hits.push(`${label} in ${part.source}`);
    return hits;
  }

  get size(): number {
    return this.parts.reduce((n, p) => n + p.text.length, 0);
  }

  get sources(): string[] {
    return this.parts.map((p) => p.source);
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The forms a token can leak in: as typed, inside Basic auth, alone in Base64, URL-encoded. */
export function secretForms(email: string, token: string, label: string): Record<string, string> {
  return {
    [`${label} token`]: token,
    [`${label} Basic auth`]: Buffer.from(`${email}:${token}`, 'utf8').toString('base64'),
    [`${label} token in Base64`]: Buffer.from(token, 'utf8').toString('base64'),
    [`${label} token URL-encoded`]: encodeURIComponent(token),
  };
}
