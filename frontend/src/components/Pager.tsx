interface PagerProps {
  page: number;
  size: number;
  total: number;
  /** There are more than `total`: the server counted no further. */
  totalCapped?: boolean;
  onPage: (page: number) => void;
  /** Names the navigation when a page has several paged tables. */
  label?: string;
}

/** Zero-based page navigation with the 件数 summary the office staff ask for. */
export function Pager({ page, size, total, totalCapped = false, onPage, label = 'ページ送り' }: PagerProps) {
  const first = total === 0 ? 0 : page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  const count = total.toLocaleString('ja-JP');
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page === 0}>
        前へ
      </button>
      <span aria-live="polite">
        {totalCapped ? `${count}件以上のうち` : `全${count}件中`} {first}〜{last}件
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={last >= total}>
        次へ
      </button>
    </nav>
  );
}
