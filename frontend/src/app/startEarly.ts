import { startEarlyRequests } from '../lib/earlyRequests';

// Its own small script in the built app, loaded ahead of the bundle (vite.config.ts), and imported first by main.tsx: the
// page's data requests start before the bundle (React, the routes) has been fetched and parsed.
startEarlyRequests(window.location.hash);
