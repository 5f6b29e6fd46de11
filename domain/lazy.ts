/**
 * A value built on first use and kept. The worker shares the domain's modules among its workflows
 * (workflows/preload.ts): the SDK freezes them, but not this closure, so a schema is built once per
 * worker, and only if some workflow validates that form. Built at module level, every schema would be
 * built before any workflow needs it, and in the API for forms it never checks.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
