import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A titled block below a show layout (stage table, related records…). */
export const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Typography variant="h6" sx={{ mt: 2, mb: 1 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};
