export { CalendarPage } from './CalendarPage';
export { CalendarMenuItem, MenuWithCalendar } from './CalendarMenuItem';
