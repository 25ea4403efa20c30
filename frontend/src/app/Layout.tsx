import { Navigate, NavLink, Outlet, useLocation } from 'react-router-dom';
import { ErrorMessage, Loading, Notice } from '../components/Message';
import { useAuth } from '../lib/auth/AuthProvider';
import { canAdminister, canApprove, canAudit, canDoCaseWork, canSeeKpis, roleLabels } from '../lib/auth/roles';
import { useState } from 'react';
import { NoticeBell } from '../features/notices/components/NoticeBell';
import { DemoBanner, useSystem } from './SystemProvider';
import { usePageFocus } from './usePageFocus';

/** The frame of every signed-in page; anyone not signed in is sent to the login page. */
export function Layout() {
  const { state, signOut, retry } = useAuth();
  // Simulators exist only where the server enables them; production never shows the entry.
  const system = useSystem();
  const location = useLocation();
  // Open on the page where it was opened: following a link closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;
  usePageFocus();

  if (state.status === 'loading') {
    return <Loading />;
  }
  if (state.status === 'unavailable') {
    return (
      <main className="standalone">
        <ErrorMessage>{state.message}</ErrorMessage>
        <button type="button" onClick={retry}>
          再試行
        </button>
      </main>
    );
  }
  if (state.status === 'anonymous' || state.status === 'second-factor') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }

  const { me } = state;
  // An expired password must be changed before anything else; the server refuses other calls meanwhile.
  if (me.passwordChangeRequired && location.pathname !== '/password') {
    return <Navigate to="/password" replace />;
  }
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main-content">
        本文へ移動
      </a>
      <DemoBanner />
      {(me.wrongPasswordsSinceLastLogin ?? 0) > 0 && (
        <Notice testId="wrong-passwords-notice">
          前回のログイン以降、このアカウントでパスワードの誤りが{me.wrongPasswordsSinceLastLogin}
          回ありました。心当たりがなければシステム管理者に連絡してください。
        </Notice>
      )}
      <header className="app-header">
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-menu"
          onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
        >
          メニュー
        </button>
        <span className="app-name">予防接種事務 ケース管理</span>
        {canDoCaseWork(me) && <NoticeBell />}
        <div className="current-user" data-testid="current-user">
          <span className="user-name">{me.displayName}</span>
          <span className="user-role">{roleLabels(me)}</span>
          <span className="user-department">{me.department.name}</span>
          <NavLink to="/password" className="password-link">
            パスワード変更
          </NavLink>
          <button type="button" className="logout" data-testid="logout-button" onClick={() => void signOut()}>
            ログアウト
          </button>
        </div>
      </header>
      <div className="app-body">
        <nav id="main-menu" className={menuOpen ? 'app-nav open' : 'app-nav'} aria-label="メインメニュー">
          <ul>
            {canApprove(me) && (
              <li>
                <NavLink to="/approvals">承認待ち</NavLink>
              </li>
            )}
            {canDoCaseWork(me) && (
              <>
                <li>
                  <NavLink to="/tasks" end>
                    タスク一覧
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/tasks/absences">不在と代理</NavLink>
                </li>
                <li>
                  <NavLink to="/processes">業務の開始</NavLink>
                </li>
                <li>
                  <NavLink to="/queries">照会状況</NavLink>
                </li>
                <li>
                  <NavLink to="/copay-exemptions">免除申請</NavLink>
                </li>
                <li>
                  <NavLink to="/relief">健康被害救済</NavLink>
                </li>
                <li>
                  <NavLink to="/resident-requests">開示等請求</NavLink>
                </li>
                <li>
                  <NavLink to="/long-term-illness">長期療養特例</NavLink>
                </li>
                <li>
                  <NavLink to="/vrs">VRS（新型コロナ）</NavLink>
                  <NavLink to="/outside-provisions">ネットワーク以外の提供</NavLink>
                </li>
                <li>
                  <NavLink to="/inquiries">問い合わせ・苦情</NavLink>
                </li>
                <li>
                  <NavLink to="/residents" end>
                    住民検索
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/residents/feed">住民記録の取込</NavLink>
                </li>
                <li>
                  <NavLink to="/move-in-queries">転入者の照会</NavLink>
                </li>
                <li>
                  <NavLink to="/doses/new">接種記録の登録</NavLink>
                </li>
                <li>
                  <NavLink to="/dose-batches">一括登録</NavLink>
                </li>
                <li>
                  <NavLink to="/doses/export">接種実績の出力</NavLink>
                </li>
                <li>
                  <NavLink to="/mistakes">予防接種の間違い</NavLink>
                </li>
                <li>
                  <NavLink to="/outreach">対象者抽出</NavLink>
                </li>
              </>
            )}
            {canSeeKpis(me) && (
              <li>
                <NavLink to="/kpi" end>
                  業務指標
                </NavLink>
              </li>
            )}
            {canAudit(me) && (
              <>
                <li>
                  <NavLink to="/audit" end>
                    監査ログ
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/audit/retention">保存期間と保全措置</NavLink>
                </li>
              </>
            )}
            {canAdminister(me) && (
              <>
                <li>
                  <NavLink to="/admin/incidents">障害一覧</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/accounts">アカウント管理</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/departments">部署と権限</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/non-disclosure">不開示設定</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/retention">保存期間と保全措置</NavLink>
                </li>
                {system?.simulators && (
                  <li>
                    <NavLink to="/admin/simulators">シミュレーター</NavLink>
                  </li>
                )}
              </>
            )}
          </ul>
        </nav>
        <main className="app-main" id="main-content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
