import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { MenuWithCalendar } from '../calendar/CalendarMenuItem';
import { AppBar } from './AppBar';

export const Layout = ({ children }: { children: ReactNode }) => (
    <RaLayout appBar={AppBar} menu={MenuWithCalendar}>
        {children}
    </RaLayout>
);
