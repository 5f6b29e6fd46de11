import type { ReactNode } from 'react';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Button, Card, CardContent, Typography, type SxProps, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';

/** One titled card of a portal record's page (a case, an application). */
export const Section = ({ title, children, testId, sx }: { title: string; children: ReactNode; testId?: string; sx?: SxProps<Theme> }) => {
  const translate = useTranslate();
  return (
    <Card data-testid={testId} sx={sx}>
      <CardContent>
        <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/** The small "back" button at the top of a portal page (the page it came from, by its message key). */
export const BackButton = ({ label, onClick }: { label: string; onClick: () => void }) => {
  const translate = useTranslate();
  return (
    <div>
      <Button size="small" startIcon={<ArrowBackIcon />} onClick={onClick}>
        {translate(label)}
      </Button>
    </div>
  );
};
