import { Notification } from 'react-admin';

/**
 * Toasts at the top of the screen, just below the app bar: at the bottom (react-admin's default) they
 * covered a dialog's buttons (保存, 取消) for their six seconds, and over the app bar they covered the
 * user menu and the notifications bell on a phone. Errors a form shows itself are not toasted at all
 * (useCompleteTask).
 */
export const TopNotification = () => <Notification anchorOrigin={{ vertical: 'top', horizontal: 'center' }} sx={{ top: { xs: 64, sm: 72 } }} />;
