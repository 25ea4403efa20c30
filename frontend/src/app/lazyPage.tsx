import { isValidElement, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { matchRoutes, type RouteObject } from 'react-router-dom';
import { Loading } from '../components/Message';

type Load = () => Promise<Record<string, unknown>>;

/**
 * A page loaded as its own chunk on first visit, with the usual loading message meanwhile. It waits for its chunk in
 * state, not through `lazy` and Suspense: React holds back a suspended page for 300 ms after its loading message
 * appeared (its throttle against flicker), so a chunk that arrived a moment after the sign-in check (a first load in a
 * new tab, while the app's script is still being evaluated) kept the page from being drawn for most of that time.
 */
export function page<P extends object = object>(load: Load, name: string): ComponentType<P> & { preload: Load } {
  let loaded: ComponentType<P> | undefined;
  const loadPage = async () => {
    const module = await load();
    loaded = module[name] as ComponentType<P>;
    return module;
  };
  function LazyPage(props: P) {
    const [arrival, setArrival] = useState<{ page?: ComponentType<P>; error?: unknown }>(() => ({ page: loaded }));
    useEffect(() => {
      if (arrival.page) {
        return;
      }
      let current = true;
      loadPage().then(
        () => current && setArrival({ page: loaded }),
        (error: unknown) => current && setArrival({ error }),
      );
      return () => {
        current = false;
      };
    }, [arrival.page]);
    if (arrival.error) {
      // To the route's error page, as a chunk that failed to load through `lazy` went.
      throw arrival.error;
    }
    const Loaded = arrival.page;
    return Loaded ? <Loaded {...props} /> : <Loading />;
  }
  LazyPage.displayName = `Lazy(${name})`;
  LazyPage.preload = loadPage;
  return LazyPage;
}

function preloadElement(node: ReactNode): void {
  if (!isValidElement<{ children?: ReactNode }>(node)) {
    return;
  }
  const preload = (node.type as { preload?: Load }).preload;
  if (preload) {
    // Only the fetch is started here; a failure shows when the page itself loads the chunk.
    preload().catch(() => undefined);
    return;
  }
  // The page sits inside wrappers such as RequireRole.
  const children = node.props.children;
  (Array.isArray(children) ? children : [children]).forEach(preloadElement);
}

/**
 * Fetches the chunk of the page a reload lands on at once, in parallel with the sign-in check, rather than after it
 * when the page is first rendered. The module system fetches each chunk once, so the later render waits for nothing.
 */
export function preloadRoute(routes: RouteObject[], hash: string): void {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  matchRoutes(routes, path)?.forEach((match) => preloadElement(match.route.element));
}
