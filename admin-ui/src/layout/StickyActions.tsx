import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { NARROW_BREAKPOINT } from './responsive';

/**
 * The actions at the end of a form (提交…). On a narrow screen they stick to the bottom of the screen while
 * the form is in view, full width, so that a long form (eight areas one under the other) can be sent
 * without scrolling to its end; on a wide one they simply follow the inputs. No ancestor may clip its
 * overflow (a MUI Card does: give it `overflow: visible`), or the bar sticks to that ancestor instead.
 */
export const StickyActions = ({ children, testId }: { children: ReactNode; testId?: string }) => (
  <Box
    data-testid={testId}
    sx={(theme) => ({
      display: 'flex',
      gap: 1,
      [theme.breakpoints.down(NARROW_BREAKPOINT)]: {
        position: 'sticky',
        bottom: 0,
        zIndex: 2,
        py: 1,
        bgcolor: 'background.paper',
        borderTop: 1,
        borderColor: 'divider',
        '& > *': { flex: 1 },
      },
    })}
  >
    {children}
  </Box>
);
