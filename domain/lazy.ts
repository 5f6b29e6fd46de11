/**
 * A value built on first use and kept. The workflow bundle runs every module's top level again for each
 * workflow it starts (the SDK's reusable V8 context gives each workflow its own module state), so a zod
 * schema built at module level costs every case its construction: about two thirds of the worker's CPU
 * per case start before #9. Built lazily, a workflow builds only the schema of a task it validates.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
