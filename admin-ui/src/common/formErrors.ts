import { HttpError } from 'react-admin';

/**
 * The API's field errors (`body.errors`, keyed by path) limited to paths the form has an input
 * for. react-hook-form keeps an error set on a path without an input (a whole group, an array)
 * until the form is reset, which would block every later submit; those problems are shown in
 * the form's ProblemAlert instead.
 */
export const inputErrors = (
  error: unknown,
  isInput: (path: string) => boolean,
  rename: (path: string) => string = (path) => path,
): Record<string, string> | undefined => {
  const errors = error instanceof HttpError ? (error.body?.errors as Record<string, string> | undefined) : undefined;
  if (!errors) return undefined;
  const kept = Object.entries(errors)
    .map(([path, message]) => [rename(path), message] as const)
    .filter(([path]) => isInput(path));
  return kept.length ? Object.fromEntries(kept) : undefined;
};
