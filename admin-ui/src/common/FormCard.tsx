import type { ReactNode } from 'react';
import { Box, Card, CardContent, Stack, Typography, type SxProps } from '@mui/material';
import { Form, SaveButton, useTranslate, type FormProps } from 'react-admin';
import type { Problem } from '../httpClient';
import { ProblemAlert } from './ProblemAlert';

/**
 * An outlined card holding one action's form: the heading (`label`), the `children` inputs,
 * the API's problem, and the save button (also `label`); `after` goes below the form (e.g. its
 * <Confirm>).
 */
export const FormCard = ({
  testId,
  label,
  titleSx,
  record,
  onSubmit,
  problem,
  submitTestId,
  submitColor,
  children,
  after,
}: {
  testId: string;
  label: string;
  titleSx?: SxProps;
  record: FormProps['record'];
  onSubmit: FormProps['onSubmit'];
  problem: Problem | null;
  submitTestId: string;
  submitColor?: 'error';
  children: ReactNode;
  after?: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" sx={titleSx}>
          {translate(label)}
        </Typography>
        <Form record={record} onSubmit={onSubmit}>
          <Stack spacing={1} sx={{ maxWidth: '48rem' }}>
            {children}
            <ProblemAlert problem={problem} />
            <Box>
              <SaveButton label={label} color={submitColor} data-testid={submitTestId} />
            </Box>
          </Stack>
        </Form>
        {after}
      </CardContent>
    </Card>
  );
};
