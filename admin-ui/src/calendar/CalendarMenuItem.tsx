import EventIcon from '@mui/icons-material/Event';
import { Menu } from 'react-admin';

/** The menu entry 截止日历 (#/calendar), for a custom menu. */
export const CalendarMenuItem = () => <Menu.Item to="/calendar" primaryText="app.calendar.menu" leftIcon={<EventIcon />} />;

/** react-admin's default menu (dashboard, resources) with 截止日历 after the dashboard. */
export const MenuWithCalendar = () => (
  <Menu>
    <Menu.DashboardItem />
    <CalendarMenuItem />
    <Menu.ResourceItems />
  </Menu>
);
