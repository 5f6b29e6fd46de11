import { useState } from 'react';
import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** 公示天数 as typed, and whether it is a whole number of days the API takes (1–60, api/publicity-window.ts). */
export const usePublicityDays = (initial: number) => {
  const [days, setDays] = useState(String(initial));
  return { days, setDays, valid: /^\d+$/.test(days) && Number(days) >= 1 && Number(days) <= 60 };
};

/** The number of days a 公示 runs, for publishing one and for one that supersedes it. */
export const PublicityDaysInput = ({ state, testId }: { state: ReturnType<typeof usePublicityDays>; testId: string }) => {
  const translate = useTranslate();
  return (
    <TextField
      size="small"
      type="number"
      label={translate('app.award.days')}
      value={state.days}
      onChange={(event) => state.setDays(event.target.value)}
      error={!state.valid}
      sx={{ width: '10rem' }}
      slotProps={{ htmlInput: { min: 1, max: 60, 'data-testid': testId } }}
    />
  );
};
