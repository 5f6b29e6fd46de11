// Public pages (README "Public pages and objections (公示与异议)"): reachable without signing in, outside
// the console's layout. App.tsx and portal/PortalApp.tsx mount these routes in <CustomRoutes noLayout>,
// which react-admin renders whatever the sign-in state (as #/activate).
import { reactRouterProvider } from 'react-admin';
import { PublicObjectionPage } from './PublicObjectionPage';
import { PublicRosterList } from './PublicRosterList';
import { PublicRosterShow } from './PublicRosterShow';

const { Route } = reactRouterProvider;

/** #/public/rosters, #/public/rosters/:id, #/public/objections and #/public/objections/:reference. */
export const publicRoutes = [
  <Route key="rosters" path="/public/rosters" element={<PublicRosterList />} />,
  <Route key="roster" path="/public/rosters/:id" element={<PublicRosterShow />} />,
  <Route key="lookup" path="/public/objections" element={<PublicObjectionPage />} />,
  <Route key="objection" path="/public/objections/:reference" element={<PublicObjectionPage />} />,
];
