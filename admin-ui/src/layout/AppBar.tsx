import { Box } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';
import { AppSearch } from '../search/AppSearch';

/** react-admin's app bar with the search box and the notification bell before the default tools. */
export const AppBar = () => (
    <RaAppBar>
        <TitlePortal />
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
            <AppSearch />
            <NotificationBell />
        </Box>
    </RaAppBar>
);
