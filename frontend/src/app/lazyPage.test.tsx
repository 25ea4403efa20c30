import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import { page, preloadRoute } from './lazyPage';

function Wrapper({ children }: { children: ReactNode }) {
  return <section>{children}</section>;
}

function pageModule(name: string) {
  return { [name]: () => <h1>{name}</h1> };
}

describe('pages loaded as their own chunks', () => {
  it('fetches the chunk of the page a reload lands on, through its wrappers, and no other', async () => {
    const loadFirst = vi.fn(async () => pageModule('First'));
    const loadSecond = vi.fn(async () => pageModule('Second'));
    const First = page(loadFirst, 'First');
    const Second = page(loadSecond, 'Second');
    const routes: RouteObject[] = [
      {
        path: '/',
        element: <Wrapper>{null}</Wrapper>,
        children: [
          {
            path: 'first/:id',
            element: (
              <Wrapper>
                <First />
              </Wrapper>
            ),
          },
          { path: 'second', element: <Second /> },
        ],
      },
    ];
    preloadRoute(routes, '#/first/12?tab=x');
    expect(loadFirst).toHaveBeenCalledOnce();
    expect(loadSecond).not.toHaveBeenCalled();
    preloadRoute(routes, '#/unknown');
    expect(loadSecond).not.toHaveBeenCalled();
  });

  it('draws a preloaded page at once, without the loading message React would hold for 300 ms', async () => {
    const Preloaded = page(async () => pageModule('Preloaded'), 'Preloaded');
    await Preloaded.preload();
    render(<Preloaded />);
    expect(screen.getByRole('heading', { name: 'Preloaded' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows the loading message until a page not preloaded arrives', async () => {
    const Later = page(async () => pageModule('Later'), 'Later');
    render(<Later />);
    expect(screen.getByRole('status')).toHaveTextContent('読み込み中…');
    expect(await screen.findByRole('heading', { name: 'Later' })).toBeInTheDocument();
  });
});
