/**
 * Child processes of the benchmark: each size's simulator and each measured run
 * get their own process, so a run's peak RSS is its own and not the simulator's.
 * Messages are plain JSON over Node's IPC channel; every wait is bounded.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Child {
  process: ChildProcess;
  /** Sends a request and waits for the child's answer to it. */
  ask<T>(message: { type: string; [key: string]: unknown }, timeoutMs: number): Promise<T>;
  stop(): Promise<void>;
}

export function startChild(script: string): Child {
  const child = fork(path.join(__dirname, script), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  child.on('message', (raw: unknown) => {
    const message = raw as { id?: number; error?: string; value?: unknown };
    const entry = message.id !== undefined ? waiting.get(message.id) : undefined;
    if (!entry) return;
    waiting.delete(message.id!);
    clearTimeout(entry.timer);
    if (message.error !== undefined) entry.reject(new Error(message.error));
    else entry.resolve(message.value);
  });
  child.on('exit', (code) => {
    for (const entry of waiting.values()) {
      clearTimeout(entry.timer);
      entry.reject(new Error(`${script} exited (code ${code}) before answering`));
    }
    waiting.clear();
  });
  return {
    process: child,
    ask<T>(message: { type: string; [key: string]: unknown }, timeoutMs: number): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${script} did not answer "${message.type}" within ${Math.round(timeoutMs / 1000)} s`));
        }, timeoutMs);
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        child.send({ ...message, id });
      });
    },
    stop(): Promise<void> {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

/** In a child: answer each request with the handler's value or its error message. */
export function serve(handler: (message: { type: string; [key: string]: unknown }) => Promise<unknown>): void {
  process.on('message', (raw: unknown) => {
    const message = raw as { id: number; type: string; [key: string]: unknown };
    handler(message).then(
      (value) => process.send?.({ id: message.id, value }),
      (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
