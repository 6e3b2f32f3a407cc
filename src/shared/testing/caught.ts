/**
 * For tests that look into the error a call must throw: the error, when it is a
 * `kind`; any other error is thrown on, and a call that does not throw fails the test.
 */
type ErrorClass<E> = abstract new (...args: never[]) => E;

export function caught<E>(kind: ErrorClass<E>, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}`);
}

export async function rejection<E>(kind: ErrorClass<E>, promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}`);
}
