import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

const APP_TITLE = '予防接種事務 ケース管理';
const WAIT_MS = 3000;

/**
 * After each navigation: the window's title names the page (its h1) and focus moves to that heading, so that screen
 * reader and keyboard users start on the new page rather than on <body>. Pages are loaded and filled in
 * asynchronously, so the heading is awaited for a moment.
 */
export function usePageFocus() {
  const location = useLocation();
  const first = useRef(true);

  useEffect(() => {
    const moveFocus = !first.current;
    first.current = false;
    const started = Date.now();
    let frame = 0;
    function look() {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        document.title = `${heading.textContent ?? ''} - ${APP_TITLE}`;
        if (moveFocus) {
          if (!heading.hasAttribute('tabindex')) {
            heading.setAttribute('tabindex', '-1');
          }
          heading.focus();
        }
        return;
      }
      if (Date.now() - started < WAIT_MS) {
        frame = requestAnimationFrame(look);
      }
    }
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);
}
