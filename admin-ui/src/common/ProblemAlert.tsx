import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Problem } from '../httpClient';

/**
 * What the API refused and why: its message, then every field or line problem it listed
 * (e.g. each bad CSV line, or the 70/30 weight rule), so nothing is hidden in a toast.
 */
export const ProblemAlert = ({
  problem,
  title,
  onClose,
  testId = 'problem',
}: {
  problem?: Problem | null;
  /** Translation key of a heading over the list of problems (%{smart_count} = how many). */
  title?: string;
  onClose?: () => void;
  testId?: string;
}) => {
  const translate = useTranslate();
  if (!problem) return null;
  return (
    <Alert severity="error" onClose={onClose} data-testid={testId} sx={{ whiteSpace: 'pre-wrap' }}>
      <AlertTitle>{title && problem.fields.length ? translate(title, { smart_count: problem.fields.length }) : problem.message}</AlertTitle>
      {problem.fields.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {problem.fields.map((field, i) => (
            <li key={`${field.path}-${i}`}>{field.message}</li>
          ))}
        </Box>
      )}
    </Alert>
  );
};
