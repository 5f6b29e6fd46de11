import { QueryClient } from '@tanstack/react-query';

/**
 * The console's and the portal's one query cache, made here rather than inside <Admin> so that signing
 * in can empty it (authProvider.login).
 */
export const queryClient = new QueryClient();
