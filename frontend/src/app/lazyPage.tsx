import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../components/Message';

/** A page loaded as its own chunk on first visit, with the usual loading message meanwhile. */
export function page<P extends object = object>(
  load: () => Promise<Record<string, unknown>>,
  name: string,
): ComponentType<P> {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType<P> }));
  function LazyPage(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Page {...props} />
      </Suspense>
    );
  }
  LazyPage.displayName = `Lazy(${name})`;
  return LazyPage;
}
