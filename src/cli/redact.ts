/**
 * Last line of defence for secrets: every byte the CLI writes (standard output,
 * standard error, the --out file) passes through here, and any token it was given,
 * raw or inside a Basic auth header, is replaced.
 */

export type Redactor = (text: string) => string;

const MIN_SECRET_LENGTH = 4;

export function createRedactor(secrets: (string | undefined)[], basicAuthPairs: [string, string][] = []): Redactor {
  const needles = new Set<string>();
  for (const s of secrets) if (s && s.length >= MIN_SECRET_LENGTH) needles.add(s);
  for (const [user, token] of basicAuthPairs) {
    if (token && token.length >= MIN_SECRET_LENGTH) needles.add(Buffer.from(`${user}:${token}`, 'utf8').toString('base64'));
  }
  // Longest first so a secret that contains another is replaced whole.
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const needle of ordered) out = out.split(needle).join('[redacted]');
    return out;
  };
}

export interface Writable {
  write(chunk: string): unknown;
  /** Set by Node on a stream that is a terminal; the progress bar reads it. */
  isTTY?: boolean;
  columns?: number;
}

/** Writes through `redact`; says whether the target is a terminal, as the target does. */
export function redactingWriter(target: Writable, redact: () => Redactor): Writable {
  return {
    write: (chunk: string) => target.write(redact()(chunk)),
    get isTTY() {
      return target.isTTY === true;
    },
    get columns() {
      return target.columns;
    },
  };
}
