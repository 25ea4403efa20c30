import { isValidElement, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { matchRoutes, type RouteObject } from 'react-router-dom';
import { Loading } from '../components/Message';

type Load = () => Promise<Record<string, unknown>>;

/**
 * A page loaded as its own chunk on first visit, with the usual loading message meanwhile. A page whose chunk was
 * preloaded renders at once: through `lazy` it would suspend even then, and React holds back a suspended page for
 * 300 ms after its loading message appears (its throttle against flicker), which was most of a reload's wait.
 */
export function page<P extends object = object>(load: Load, name: string): ComponentType<P> & { preload: Load } {
  let loaded: ComponentType<P> | undefined;
  const loadPage = async () => {
    const module = await load();
    loaded = module[name] as ComponentType<P>;
    return module;
  };
  const Page = lazy(async () => {
    await loadPage();
    return { default: loaded as ComponentType<P> };
  });
  function LazyPage(props: P) {
    // Chosen once per mount: switching from the lazy path to the loaded one later would remount the page.
    const [Loaded] = useState(() => loaded);
    if (Loaded) {
      return <Loaded {...props} />;
    }
    return (
      <Suspense fallback={<Loading />}>
        <Page {...props} />
      </Suspense>
    );
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
