// Side effect first. The built index.html also loads it as a script of its own, ahead of the bundle (vite.config.ts);
// a module runs once, so this import runs it only where that script has not (the development server).
import './app/startEarly';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadRoute } from './app/lazyPage';
import { routes } from './app/router';
import './styles.css';

// The page's chunk travels while React starts and the sign-in is checked.
preloadRoute(routes, window.location.hash);

const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html has no #root element');
}
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
