import { createContext, useContext, type ReactNode } from 'react';
import { FormHelperText } from '@mui/material';
import { useWrappedSource } from 'react-admin';
import type { Problem } from '../httpClient';

// The API's field problems (400 `fields`) shown where they belong when no input holds that path:
// a whole array (stages, rubric.items), an object (serviceHours), a list of keys (taskTypes).
// react-hook-form keeps an error set on a path without an input until the form is reset, which
// would block every later submit (see formErrors.ts), so these live in this context instead.

const ServerErrorsContext = createContext<Problem | null>(null);

export const ServerErrorsProvider = ({ problem, children }: { problem: Problem | null; children: ReactNode }) => (
  <ServerErrorsContext.Provider value={problem}>{children}</ServerErrorsContext.Provider>
);

/** The API's messages for one path of the body (or any of `paths`; with `nested`, their sub-paths too). */
export const useServerErrors = (paths: string[], nested = false): string[] => {
  const problem = useContext(ServerErrorsContext);
  return problem?.fields.filter((f) => paths.some((p) => f.path === p || (nested && f.path.startsWith(`${p}.`)))).map((f) => f.message) ?? [];
};

/**
 * The API's messages for `source` (relative to the surrounding iterator item, like an input's
 * source: "taskTypes" in stage 1 is stages.1.taskTypes), with `nested` those of its sub-paths too
 * (stages.1.taskTypes.0).
 */
export const ServerFieldError = ({ source, nested = false }: { source: string; nested?: boolean }) => {
  const path = useWrappedSource(source);
  const messages = useServerErrors([path], nested);
  if (!messages.length) return null;
  return (
    <FormHelperText error data-testid="server-field-error" data-path={path} sx={{ mx: 0 }}>
      {messages.join('；')}
    </FormHelperText>
  );
};
