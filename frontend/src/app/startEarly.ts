import { startEarlyRequests } from '../lib/earlyRequests';

// Imported first by main.tsx, so that this runs before the rest of the bundle (React, the routes) is evaluated.
startEarlyRequests(window.location.hash);
